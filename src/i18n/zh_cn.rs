//! 简体中文: the interface's words in Simplified Chinese.

use assessment::{format_score, Cap, Level, NotAnHsCode, Outline, Trend, WhyNotACode};

use super::{Strings, Words};

/// The language.
pub struct ZhCn;

const ZH_CN: Strings = Strings {
    colon: "：",
    language: "语言",
    begin: "开始自评",
    loading_start: "正在加载，马上开始…",
    loading_next: "正在加载，马上继续…",
    resume: "继续上次的自评",
    start_over: "重新开始",
    saved_found: "本设备上保存有您上次未完成的回答。",
    stays_on_device: "您的回答只保存在本设备上，不会发送到任何地方，除非您自己导出。",
    not_kept_here: "本浏览器不允许此页面保存您的回答：离开或刷新页面后回答将丢失；回答也不会发送到任何地方。如需下次继续，请在离开前把回答保存为文件（作答后上方提示和“检查”页都提供此功能），下次在这里打开该文件。",
    sections: "各部分",
    profile_title: "企业基本情况",
    profile_intro: "这些问题不计分，用于确定哪些题目、规则和基准适用于贵企业。",
    review_step: "检查",
    next: "下一步",
    back: "上一步",
    help: "说明",
    clear_answer: "清除答案",
    choose_all: "可多选",
    review_title: "检查未答题目",
    review_done: "适用于贵企业的题目已全部作答。",
    review_missing: "以下题目尚未作答。不答也能生成报告，但报告会注明缺少哪些内容。",
    see_report: "查看报告",
    your_answers: "您的回答",
    export_answers: "导出回答（JSON 文件：本工具可再读入的纯文本）",
    save_result_title: "交给协会的结果",
    save_result_answers: "同时保存我的逐题回答",
    save_result: "保存结果",
    import_answers: "导入回答",
    imported: "已导入回答。",
    import_refused: "未导入该文件，当前回答没有任何改变。",
    changed_elsewhere: "您在另一个标签页或窗口中修改了回答，本页现在显示的是修改后的回答。",
    undo_change_elsewhere: "恢复本页之前的回答",
    not_answers: "该文件不是本工具导出的回答文件。",
    unknown_format: "该回答文件的格式版本本工具无法读取。",
    dismiss: "关闭",
    report_title: "评估报告",
    date: "日期",
    questionnaire: "问卷",
    overall: "总分",
    stage: "阶段",
    critical_title: "关键合规缺口",
    basis: "依据",
    bottleneck: "最薄弱的方面",
    export_title: "数据出境路径",
    export_why: "判断理由",
    export_duties: "仍需履行的义务",
    export_pending: "请回答“企业基本情况”中尚未回答的问题，以确定数据出境路径。",
    export_uncovered: "问卷的规则无法覆盖您的回答，请咨询专业人士。",
    export_options: "另可考虑",
    item: "题目",
    your_answer: "您的回答",
    level: "等级",
    the_paper: "论文基准",
    standing_ahead: "贵企业领先于此",
    standing_level: "贵企业与此持平",
    standing_behind: "贵企业落后于此",
    not_applicable: "不适用",
    not_answered: "未作答",
    critical_mark: "关键",
    print: "打印或保存为 PDF",
    change_answers: "修改回答",
    about_link: "离线使用与数据说明",
    about_title: "离线使用与您的数据",
    about_sections: &[
        ("数据留在本设备", "本工具完全在浏览器中运行，没有服务器。您的回答只保存在本设备浏览器的本地存储中，除非您导出文件或（在协会网站上）明确点击分享，否则不会发送到任何地方。"),
        ("离线使用", "首次打开后，本工具的全部文件都会保存在浏览器中。此后即使没有网络，也可以打开本工具、完成自评并打印报告。发布新版本时，页面会提示您重新加载；在您确认之前，始终使用完整的旧版本，不会新旧混用。"),
        ("存储不可用时", "如果浏览器禁止或没有本地存储（例如某些隐私模式），或存储已满，本工具仍可正常使用，但回答只保存在当前页面中，关闭或刷新页面后将会丢失。页面顶部会提示这一点，此时请在结束前导出回答。"),
        ("公共设备（自助终端）", "在展会或服务中心的自助终端上，回答只保存在内存中，从不写入存储。一段时间无操作后会显示倒计时，然后清除本次访客的全部内容；也可以随时点击“完成并清除”。请在清除前打印报告；如报告上有二维码，也可用手机扫描带走答案。"),
        ("保存和转移回答", "您可以把回答导出为 JSON 文件，稍后在任何设备上导入继续或重新生成报告。文件中记录了问卷及其版本，用于其他问卷的文件不会被导入。"),
    ],
    update_ready: "新版本已就绪。",
    update_now: "重新加载以使用新版本",
    update_loses_answers: "您的回答没有保存在本浏览器中：更新会重新加载页面，回答将会丢失。如需保留，请先导出回答。",
    update_anyway: "仍然更新",
    update_later: "暂不更新",
    not_persistent: "本浏览器无法保存回答：关闭或刷新页面后回答将丢失。请在结束前导出回答。",
    kiosk_config_ignored: "自助终端配置文件无法使用，已采用默认设置：",
    finish_and_clear: "完成并清除",
    finish_confirm: "清除您的答案和本报告吗？",
    finish_yes: "确认清除",
    finish_keep: "不清除",
    idle_title: "还在使用吗？",
    still_here: "继续使用",
    touch_to_start: "点击开始自评",
    skip_to_content: "跳到正文",
    include_answers: "同时分享我的逐题回答",
    offered_by: "提供方",
    saved_needs_decision: "本设备上保存的回答需要您处理",
    saved_unreadable: "保存的回答无法读取（可能已损坏或不完整）。",
    saved_kept_until: "保存的原始内容没有被改动。您可以下载保存，或将其丢弃；在您作出选择之前，新的回答不会被保存。",
    download_saved: "下载保存的原始内容",
    discard_saved: "丢弃保存的内容",
    crashed_title: "出现了意外错误",
    crashed_text: "本工具遇到内部错误，已停止运行。您的回答没有丢失：请先下载回答，然后重新加载页面并导入。",
    crashed_download: "下载我的回答",
    crashed_kiosk_text: "本工具遇到内部错误，已停止运行。为保护您的信息，本屏幕稍后将自动清除并重新开始；您也可以点击“重新加载”立即清除。",
    reload: "重新加载",
    setup_title: "本自评无法启动",
    setup_intro: "网站提供的配置或问卷有以下问题，请网站管理员修正：",
    setup_config_file: "配置文件",
    setup_questionnaire_file: "问卷",
    setup_shipped_questionnaire: "随工具提供的问卷",
    // Issue 15: the walk
    kiosk_data: "这是一台公用设备：您完成或离开一段时间后，回答会被清除，不会保留。如需带走结果，请打印报告；如报告上有二维码，也可用手机扫描。",
    import_on_start: "在其他设备上答过？请导入您在那里导出的回答文件。",
    saved_complete: "本设备上保存有您上次的回答：所有适用的问题都已回答。",
    answers_cleared: "您的回答已清除。",
    undo_clear: "撤销",
    // Issue 15: the report
    firm: "企业概况",
    verdict_title: "评估结果",
    first_action: "先做这件事",
    show_details: "展开",
    missing_title: "本报告尚未完成",
    missing_intro: "以下各部分还有题目未作答。作答之前，报告只反映部分情况：未作答的题目不代表做得好，相应的建议也还没有列出。",
    finish_questions: "回答未答的题目",
    score_how: "得分的算法：每个回答对应 0（未起步）到 4 的一个等级；维度得分（百分制）是其各题等级按重要程度加权的平均，总分是各维度得分的加权平均。不适用于贵企业或未作答的题目不计入。",
    score_detail: "查看每题的回答和等级",
    ladder: "等级阶梯",
    you_are_here: "贵企业",
    top_stage: "贵企业已处于最高等级。",
    first_steps_title: "您的第一步",
    first_steps_intro: "建议在今后 3 个月内先做这几件事。",
    who: "由谁做",
    effort: "工作量和费用",
    help_from: "可求助",
    why_first: "为什么先做",
    sources: "出处",
    rest_of_plan: "其余计划（按时间）",
    no_recommendations_yet: "根据目前已答的题目暂无建议；请回答其余题目以获得完整计划。",
    all_targets_met: "所有适用的题目都达到了目标等级，暂无建议。",
    only_gaps: "除弥补上述关键合规缺口外，暂无其他建议。",
    benchmarks_on_screen: "打印版只列出各题与论文数据相比的位置及所在章节；论文中的具体数据请看屏幕上的报告。",
    // Issue 16: hand-off and progress
    handoff_title: "把结果带走",
    handoff_scan: "用手机相机扫描此码，即可在手机上打开这些答案和本报告。答案就在链接之中，不会发送到任何服务器；没有此链接，别人无法打开。",
    handoff_show_link: "显示链接",
    handoff_send: "把链接发给自己（通过聊天或邮件），即可在任何设备上打开这些答案和本报告。答案就在链接之中，不会发送到任何服务器；没有此链接，别人无法打开。",
    share_link: "分享链接",
    copy_link: "复制链接",
    link_copied: "链接已复制。",
    copy_failed: "此处无法复制链接：请打开“显示链接”，从那里复制。",
    handoff_qr_label: "指向这些答案的链接二维码",
    handoff_none_local: "此处无法提供二维码：本工具运行的地址手机无法打开（本机或局域网）。请打印报告，或将答案导出为文件。运行本工具的一方可在配置中设置公开地址（handoff_url）。",
    handoff_none_kiosk: "此处无法提供二维码：本终端未设置本工具的公开地址。请在离开前打印报告。",
    handoff_none_embedded: "此处无法提供二维码：协会尚未在配置中设置本工具的公开地址（handoff_url）。请打印报告，或将答案导出为文件。",
    handoff_none_unavailable: "此处无法生成二维码：本工具的部分文件缺失（尚未保存以供离线使用）。请联网一次，或打印报告。",
    handoff_none_too_long: "此处无法提供二维码：本工具的地址太长，加上答案后放不进二维码。请打印报告，或将答案导出为文件。",
    handoff_offer_title: "来自链接的答案",
    handoff_offer_intro: "打开本页的链接中带有一套答案。它们只在本设备上读取，没有发送到任何地方。",
    open_handoff: "打开这些答案",
    compare_handoff: "与本设备上的答案对比",
    decline_handoff: "暂不打开",
    link_refused: "无法打开此链接中的答案，未作任何更改。",
    link_not_code: "此链接中没有答案。",
    link_damaged: "链接不完整或已被改动（少了或改了某个数字）。请重新扫码，或复制完整的链接。",
    link_unknown_format: "此链接由本工具的其他版本生成。请在生成它的地方打开，并将答案导出为文件。",
    link_malformed: "此链接不是由本工具生成的。",
    link_other_questions: "此链接针对本问卷的另一组部分（其他协会选定的部分）生成。",
    follow_up_title: "下一次评估",
    follow_up_explain: "一年后或获得支持后：从这些答案开始一次跟进评估，逐部分核对并修改有变化的地方。本次评估会带日期保存在本设备上，新报告将显示变化。",
    start_follow_up: "开始跟进评估",
    to_check: "待核对",
    earlier_title: "本设备上的历次评估",
    compare: "对比",
    forget: "删除",
    compare_file: "与答案文件对比",
    stop_comparing: "停止对比",
    compare_refused: "无法将此评估与您的评估对比，未作任何更改。",
    then: "之前",
    now: "现在",
    change: "变化",
    clause_sep: "，",
    improved: "有进步的答案",
    fell_back: "有退步的答案",
    gaps_closed: "已消除的关键短板",
    gaps_new: "新出现的关键短板",
    plan_done: "上次计划中已完成的行动",
    stopped_applying: "不再适用于本企业",
    started_applying: "现在适用于本企业",
    not_carried: "无法沿用到本版本的先前答案",
    none_of_these: "无。",
    undated: "无日期",
    legend_then: "之前：虚线",
    language_unavailable: "无法加载另一种语言。请联网一次后再试。",
    obligations_title: "您的市场与货物",
    obligations_in_force: "现已生效",
    obligations_within_year: "12 个月内生效",
    obligations_later: "更晚生效",
    obligations_to_check: "请核实（尚未确认）",
    obligations_may_apply: "可能适用：回答后即可确定",
    obligations_goods: "涉及您的货物",
    obligations_in_first_steps: "要准备什么：已在“您的第一步”中完整列出。",
    obligations_only_for: "仅涉及",
    obligations_any_market: "所有目的地",
    obligations_answer_to_know: "请回答",
    obligations_none: "本工具收录的规则均不适用于您填写的货物和市场。",
    obligations_unavailable: "无法加载按市场和货物列出的规则。请联网一次后重新打开报告。",
    obligations_refused: "贵协会提供的按市场和货物列出的规则与其问卷不符，无法使用，因此本部分暂缺。请告知协会；其文件中发现以下问题：",
    obligations_check: "有待核实",
    filter_options: "在列表中查找：输入关键词或货物的海关编码",
    filter_none: "列表中没有匹配项。如果您的货物不在其中，请在下方填写其海关编码。",
    codes_label: "列表中没有的货物：填写其海关编码（HS 编码）",
    codes_hint: "2 至 10 位数字，例如 7318 或 7318.15；最多 10 个。每个编码按前几位与各项规则比对。",
    add_code: "添加编码",
    codes_typed: "您填写的海关编码",
    legend_now: "现在：实线",

};

impl Words for ZhCn {
    fn strings() -> &'static Strings {
        &ZH_CN
    }

    fn duration(minutes: usize, questions: usize) -> String {
        format!("约 {minutes} 分钟，共 {questions} 题；阅读报告另需几分钟")
    }

    fn answered(answered: usize, total: usize) -> String {
        format!("已答 {answered} / {total} 题")
    }

    fn answered_here(answered: usize, total: usize) -> String {
        format!("本页已答 {answered} / {total} 题")
    }

    fn minutes_left(minutes: usize) -> String {
        match minutes {
            0 => "已无待答问题".to_owned(),
            m => format!("全部约剩 {m} 分钟"),
        }
    }

    fn step(n: usize, of: usize) -> String {
        format!("第 {n} 步，共 {of} 步")
    }

    fn partial(missing: usize) -> String {
        format!("本报告尚不完整：还有 {missing} 题未作答。")
    }

    fn capped(cap: &str, uncapped: &str) -> String {
        format!("因存在关键合规缺口，得分上限为 {cap}（否则为 {uncapped}）。")
    }

    fn level_of(level: Level) -> String {
        // 0 级是“还没有做”，不是达到的一个等级：照此措辞。
        if level == Level::L0 {
            format!("未起步（0/{}）", Level::MAX)
        } else {
            format!("第 {level} 级（共 {} 级）", Level::MAX)
        }
    }

    fn other_questionnaire(found: &str, expected: &str) -> String {
        format!("该文件是问卷“{found}”的回答，而本工具使用的是“{expected}”。")
    }

    fn answered_twice(question: &str) -> String {
        format!("文件中问题“{question}”出现了两次，无法确定哪个回答有效。")
    }

    fn invalid_answers(problems: usize) -> String {
        format!("文件中有 {problems} 处回答与本问卷不符：")
    }

    fn too_large(kb: u64, max: u64) -> String {
        format!("文件大小为 {kb} KB，超过了回答文件的上限 {max} KB。")
    }

    fn clearing_in(seconds: u32) -> String {
        format!("{seconds} 秒后将清除本次所有回答，以便下一位访客使用。")
    }

    fn share_title(name: &str) -> String {
        format!("与{name}分享结果")
    }

    fn share_button(name: &str) -> String {
        format!("分享给{name}")
    }

    fn shared(name: &str) -> String {
        format!("已分享给{name}。")
    }

    fn saved_migrated(from: &str, kept: usize, dropped: usize) -> String {
        format!("保存的回答来自问卷“{from}”：其中 {kept} 题仍适用于当前版本，可以继续；{dropped} 题不再适用：")
    }

    fn dimensions_title(o: &Outline) -> String {
        match o.dimensions.as_slice() {
            [one] => format!("评估维度：{one}"),
            all => format!("{}个维度", number(all.len())),
        }
    }

    fn chart_title(o: &Outline) -> String {
        format!("{}个维度得分雷达图", number(o.dimensions.len()))
    }

    fn items_title(benchmarks: bool) -> String {
        if benchmarks {
            "您的回答与论文基准"
        } else {
            "您的回答"
        }
        .to_owned()
    }

    fn critical_intro(caps: &[Cap]) -> String {
        let mut text = "这些缺口不会被平均掉：它们列在最前面".to_owned();
        for (i, c) in caps.iter().enumerate() {
            let joint = if i == 0 { "，并使" } else { "、" };
            text += &format!(
                "{joint}“{}”维度的得分不超过 {}",
                c.dimension,
                format_score(Some(c.cap))
            );
        }
        text + "。"
    }

    fn save_result_what(o: &Outline) -> String {
        format!(
            "一个文件，含{}；协会可将其与其他会员的结果一起统计。",
            record_contents(o)
        )
    }

    fn share_what(name: &str, o: &Outline) -> String {
        format!(
            "分享的内容：{}。只有在您点击下方按钮后，才会发送给{name}。",
            record_contents(o)
        )
    }

    fn what_you_get(o: &Outline) -> String {
        let gaps = if o.critical_rules {
            "关键合规缺口、"
        } else {
            ""
        };
        match o.dimensions.as_slice() {
            [one] => format!("完成后您将得到：“{one}”得分和所处阶段、{gaps}数据出境路径，以及按优先级排列的行动计划。"),
            all => format!("完成后您将得到：总分和所处阶段、{}个维度的得分与短板、{gaps}数据出境路径，以及按优先级排列的行动计划。", number(all.len())),
        }
    }

    // Issue 15: the report
    fn to_next_stage(points: &str, stage: &str) -> String {
        format!("距“{stage}”还差 {points} 分。")
    }

    fn missing_in(section: &str, questions: usize) -> String {
        format!("{section}：{questions} 题")
    }

    fn from_score(min: &str) -> String {
        format!("{min} 分起")
    }

    fn critical_count(gaps: usize) -> String {
        format!("{gaps} 个关键合规缺口")
    }

    fn plan_line(actions: usize) -> String {
        format!("另有 {actions} 项行动，按时间排列")
    }

    fn items_line(answers: usize, benchmarks: bool) -> String {
        if benchmarks {
            format!("您的 {answers} 个回答：各自的等级与论文中的数据")
        } else {
            format!("您的 {answers} 个回答及各自的等级")
        }
    }

    fn handoff_offer(date: &str) -> String {
        format!("打开 {date} 的答案吗？")
    }

    fn handoff_replaces(answered: usize) -> String {
        format!("本设备上已有其他答案（已答 {answered} 题）。打开链接中的答案会替换它们；替换后可立即撤销。")
    }

    fn opened(date: &str) -> String {
        format!("已打开 {date} 的答案。")
    }

    fn progress_since(date: &str) -> String {
        format!("自 {date} 以来的变化")
    }

    fn points_change(change: &str) -> String {
        format!("{change} 分")
    }

    fn stage_moved(trend: Trend, stage: &str) -> String {
        match trend {
            Trend::Up => format!("升至{stage}"),
            Trend::Same => format!("仍为{stage}"),
            Trend::Down => format!("降至{stage}"),
        }
    }

    fn gaps_closed_count(gaps: usize) -> String {
        format!("关闭 {gaps} 个关键缺口")
    }

    fn gaps_new_count(gaps: usize) -> String {
        format!("新增 {gaps} 个关键缺口")
    }

    fn follow_up_banner(date: &str) -> String {
        format!(
            "这是对 {date} 评估的跟进：已填入当时的答案。请逐部分核对，并修改今天有变化的地方。"
        )
    }

    fn history_unreadable(entries: usize) -> String {
        format!("本设备上保存的 {entries} 次先前评估无法读取，已原样保留。")
    }

    fn obligation_from(date: &str) -> String {
        format!("自 {date} 起")
    }

    fn obligation_said_since(date: &str) -> String {
        format!("据称自 {date} 起已适用")
    }

    fn finer_code(code: &str) -> String {
        format!("比 {code} 更细的 HS 编码")
    }

    fn not_a_code(e: &NotAnHsCode) -> String {
        match e.why {
            WhyNotACode::Empty => "请填写海关编码：2 至 10 位数字，例如 7318 或 7318.15".to_owned(),
            WhyNotACode::NotADigit(c) => format!(
                "“{}”不是海关编码：“{c}”不是数字（海关编码由数字组成，例如 7318 或 7318.15）",
                e.input
            ),
            WhyNotACode::Length(n) => format!(
                "“{}”不是海关编码：它有 {n} 位数字；海关编码为 2、4、6、8 或 10 位（7318、7318.15、7318 15 90）",
                e.input
            ),
        }
    }

    fn codes_full(max: usize) -> String {
        format!("最多填写 {max} 个海关编码：请先删除一个再添加。")
    }

    fn remove_code(code: &str) -> String {
        format!("删除 {code}")
    }

    fn code_of(label: &str) -> String {
        format!("您在“{label}”中的货物的 HS 编码")
    }
}

/// "三", "两": a count before a measure word, in characters up to ten.
fn number(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// What a result record holds (`ResultRecord`), shared or saved: one sentence for both.
fn record_contents(o: &Outline) -> String {
    let gaps = if o.critical_rules {
        "关键合规缺口、"
    } else {
        ""
    };
    let scores = match o.dimensions.len() {
        1 => "得分、阶段",
        _ => "总分、阶段、各维度得分",
    };
    format!("您的{scores}、{gaps}数据出境路径和首要建议，以及问卷所问的地区、行业和规模，不含您的名称或您写的任何文字")
}
