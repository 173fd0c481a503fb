/*
 * Embeds the exporter digital-trade self-assessment in a page. Served with the app; see
 * docs/embedding.md. Usage:
 *
 *   <div data-exporter-assessment data-config="/assessment-config.json" data-lang="zh-CN"></div>
 *   <script src="https://tools.example.org/assessment/embed.js" async></script>
 *
 * Each element becomes an <iframe> of the app that is as tall as its content. The app's events
 * arrive on the element as DOM events: exporter-assessment:started, :section-completed,
 * :finished and — only when the member presses "share" — :result, with the message as `detail`.
 * On every new screen the app asks for its top to be brought into view (`top`), which the
 * loader does if the frame's top is out of view.
 */
(() => {
  const script = document.currentScript;
  const app = new URL('./', script ? script.src : location.href);
  // data-* attributes passed on to the app, and those that are URLs (resolved against this page).
  const SETTINGS = ['config', 'lang', 'name', 'origin', 'brand', 'brand-contrast', 'accent', 'text',
    'background', 'font', 'logo', 'sections', 'questionnaire', 'obligations', 'share-answers'];
  const URLS = new Set(['config', 'logo', 'questionnaire', 'obligations']);
  const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

  /**
   * The app's address: the copy this loader came from, or one that the snippet names in
   * `data-src`, which must then be an https URL without credentials (or on the loader's origin).
   */
  function appUrl(named) {
    if (named === undefined) return new URL(app.href);
    let src;
    try {
      src = new URL(named, location.href);
    } catch {
      return null;
    }
    // (A `javascript:` or `data:` URL has the origin "null", as a file: page does: check the scheme.)
    const sameOrigin = src.origin === app.origin && /^https?:$/.test(src.protocol);
    const vouched = sameOrigin || src.protocol === 'https:';
    return vouched && !src.username && !src.password ? src : null;
  }

  function mount(element) {
    if (element.dataset.exporterAssessmentMounted) return;
    element.dataset.exporterAssessmentMounted = 'true';
    const src = appUrl(element.dataset.src);
    if (!src) {
      // Never a frame of an address the loader cannot vouch for: a `javascript:` URL would run in
      // this page, and another origin's messages would be taken for the app's.
      console.error('exporter-assessment: data-src must be an https address of the app');
      element.textContent = 'The assessment cannot be shown here: its address (data-src) is not an https address. · 无法显示自评工具：data-src 不是 https 地址。';
      return;
    }
    src.searchParams.set('embed', '1');
    // Where the app may post: this page, unless the association's config file names its origin.
    src.searchParams.set('origin', location.origin);
    for (const name of SETTINGS) {
      const value = element.dataset[camel(name)];
      if (value === undefined) continue;
      src.searchParams.set(name, URLS.has(name) ? new URL(value, location.href).href : value);
    }

    const frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = element.dataset.title || 'Digital trade self-assessment · 数字贸易自评';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.style.height = '40rem';
    element.replaceChildren(frame);

    window.addEventListener('message', (event) => {
      // Only this frame, from the app's origin, in the app's format.
      if (event.source !== frame.contentWindow || event.origin !== src.origin) return;
      const message = event.data;
      if (!message || message.source !== 'exporter-assessment' || typeof message.type !== 'string') return;
      if (message.type === 'resize' && Number.isFinite(message.height)) {
        frame.style.height = `${Math.ceil(message.height)}px`;
      }
      // A new screen starts at its top: bring the frame's top into view if it is not (the member
      // pressed Next at the bottom of a long section). Instantly for those who ask for less motion.
      if (message.type === 'top') {
        const top = frame.getBoundingClientRect().top;
        if (top < 0 || top > window.innerHeight) {
          const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
          frame.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
        }
      }
      element.dispatchEvent(new CustomEvent(`exporter-assessment:${message.type}`, { detail: message, bubbles: true }));
    });
  }

  const mountAll = () => document.querySelectorAll('[data-exporter-assessment]').forEach(mount);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
