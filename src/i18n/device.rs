//! The device and the site: about, setup problems, updates, a kiosk, storage, a crash.

assessment::words! {
    /// The device and the site: about, setup problems, updates, a kiosk, storage, a crash.
    pub struct Device {
        about_link: &'static str = "离线使用与数据说明", "Offline use and your data";
        about_title: &'static str = "离线使用与您的数据", "Offline use and your data";
        about_sections: &'static [(&'static str, &'static str)] =
            &[
        ("数据留在本设备", "本工具完全在浏览器中运行，没有服务器。您的回答只保存在本设备浏览器的本地存储中，除非您导出文件或（在协会网站上）明确点击分享，否则不会发送到任何地方。"),
        ("离线使用", "首次打开后，本工具的全部文件都会保存在浏览器中。此后即使没有网络，也可以打开本工具、完成自评并打印报告。发布新版本时，页面会提示您重新加载；在您确认之前，始终使用完整的旧版本，不会新旧混用。"),
        ("存储不可用时", "如果浏览器禁止或没有本地存储（例如某些隐私模式），或存储已满，本工具仍可正常使用，但回答只保存在当前页面中，关闭或刷新页面后将会丢失。页面顶部会提示这一点，此时请在结束前导出回答。"),
        ("公共设备（自助终端）", "在展会或服务中心的自助终端上，回答只保存在内存中，从不写入存储。一段时间无操作后会显示倒计时，然后清除本次访客的全部内容；也可以随时点击“完成并清除”。请在清除前打印报告；如报告上有二维码，也可用手机扫描带走答案。"),
        ("保存和转移回答", "您可以把回答导出为 JSON 文件，稍后在任何设备上导入继续或重新生成报告。文件中记录了问卷及其版本，用于其他问卷的文件不会被导入。"),
    ],
            &[
        ("Your data stays on this device", "The tool runs entirely in your browser; there is no server. Your answers are kept in this browser's local storage on this device and are sent nowhere, unless you export them to a file or, on an association's site, press share yourself."),
        ("Working offline", "After the first visit every file of the tool is kept in the browser, so it opens, runs a whole assessment and prints the report with no network. When a new version is published the page tells you and reloads only when you accept; until then it runs the complete old version, never a mix of old and new."),
        ("When storage is unavailable", "If the browser blocks or lacks local storage (some private modes) or it is full, the tool still works, but your answers live only in this page and are lost when you close or reload it. A message at the top says so; export your answers before you leave."),
        ("On a shared kiosk", "At fairs and service centres the kiosk keeps answers in memory only and never writes them to storage. After a while without input it shows a countdown, then clears everything of the visitor; “Finish and clear” does it at once. Before it is cleared, print your report or, where the report shows a code, scan it with your phone to take the answers with you."),
        ("Keeping and moving your answers", "Export your answers to a JSON file (plain text in a standard format) and import it later on any device to continue or to regenerate the report. The file names its questionnaire and version; a file for another questionnaire is refused."),
    ];
        setup_title: &'static str = "本自评无法启动", "This assessment cannot start";
        setup_intro: &'static str =
            "网站提供的配置或问卷有以下问题，请网站管理员修正：",
            "The configuration or questionnaire this site supplies has these problems, for the site's administrator to fix:";
        setup_config_file: &'static str = "配置文件", "Config file";
        setup_questionnaire_file: &'static str = "问卷", "Questionnaire";
        setup_shipped_questionnaire: &'static str = "随工具提供的问卷", "the shipped questionnaire";
        update_ready: &'static str = "新版本已就绪。", "A new version is ready.";
        update_now: &'static str = "重新加载以使用新版本", "Reload to use it";
        /// Before an update reloads the page, when that would lose answers kept only in the page.
        update_loses_answers: &'static str =
            "您的回答没有保存在本浏览器中：更新会重新加载页面，回答将会丢失。如需保留，请先导出回答。",
            "Your answers are not saved in this browser: updating reloads the page, and they would be lost. Export them first to keep them.";
        update_anyway: &'static str = "仍然更新", "Update anyway";
        update_later: &'static str = "暂不更新", "Not now";
        not_persistent: &'static str =
            "本浏览器无法保存回答：关闭或刷新页面后回答将丢失。请在结束前导出回答。",
            "This browser cannot keep your answers: they will be lost when you close or reload the page. Export them before you leave.";
        kiosk_config_ignored: &'static str =
            "自助终端配置文件无法使用，已采用默认设置：",
            "The kiosk configuration file could not be used; the defaults apply:";
        finish_and_clear: &'static str = "完成并清除", "Finish and clear";
        /// A kiosk's finish asks once: nothing is cleared by one tap.
        finish_confirm: &'static str = "清除您的答案和本报告吗？", "Clear your answers and this report?";
        finish_yes: &'static str = "确认清除", "Yes, clear";
        finish_keep: &'static str = "不清除", "No, keep them";
        idle_title: &'static str = "还在使用吗？", "Are you still there?";
        still_here: &'static str = "继续使用", "I'm still here";
        touch_to_start: &'static str = "点击开始自评", "Tap to start the assessment";
        saved_needs_decision: &'static str =
            "本设备上保存的回答需要您处理",
            "Saved answers on this device need your decision";
        saved_unreadable: &'static str =
            "保存的回答无法读取（可能已损坏或不完整）。",
            "The saved answers cannot be read (they may be damaged or cut off).";
        saved_kept_until: &'static str =
            "保存的原始内容没有被改动。您可以下载保存，或将其丢弃；在您作出选择之前，新的回答不会被保存。",
            "The saved text has not been changed. Download it to keep it, or discard it; until you choose, new answers are not saved.";
        download_saved: &'static str = "下载保存的原始内容", "Download the saved text";
        discard_saved: &'static str = "丢弃保存的内容", "Discard it";
        crashed_title: &'static str = "出现了意外错误", "Something went wrong";
        crashed_text: &'static str =
            "本工具遇到内部错误，已停止运行。您的回答没有丢失：请先下载回答，然后重新加载页面并导入。",
            "The tool hit an internal error and stopped. Your answers are not lost: download them, then reload the page and import them.";
        crashed_download: &'static str = "下载我的回答", "Download my answers";
        /// On a kiosk's crash screen: nothing of the visitor is offered, and the screen clears itself.
        crashed_kiosk_text: &'static str =
            "本工具遇到内部错误，已停止运行。为保护您的信息，本屏幕稍后将自动清除并重新开始；您也可以点击“重新加载”立即清除。",
            "The tool hit an internal error and stopped. To protect your information this screen clears itself and starts again shortly; press Reload to clear it now.";
        reload: &'static str = "重新加载", "Reload";
    }
    sentences {
        /// The kiosk's countdown: "Clearing in 12 s".
        fn clearing_in(seconds: u32) -> String =
            |seconds: u32| format!("{seconds} 秒后将清除本次所有回答，以便下一位访客使用。"),
            |seconds: u32| {
                format!("In {seconds} s everything you entered will be cleared for the next visitor.")
            };
    }
}
