//! Answers handed to another device by a link or a QR code, a follow-up, and the comparison with an earlier assessment.

use assessment::Trend;

assessment::words! {
    /// Answers handed to another device by a link or a QR code, a follow-up, and the comparison with an earlier assessment.
    pub struct Handoff {
        handoff_title: &'static str = "把结果带走", "Take this result with you";
        handoff_scan: &'static str =
            "用手机相机扫描此码，即可在手机上打开这些答案和本报告。答案就在链接之中，不会发送到任何服务器；没有此链接，别人无法打开。",
            "Scan the code with your phone's camera: it opens these answers, and this report, on your phone. The answers travel inside the link itself; nothing is sent to a server, and no one else can open them without the link.";
        handoff_show_link: &'static str = "显示链接", "Show the link";
        /// On a personal device: the link sent or copied, rather than a code to scan with the same phone.
        handoff_send: &'static str =
            "把链接发给自己（通过聊天或邮件），即可在任何设备上打开这些答案和本报告。答案就在链接之中，不会发送到任何服务器；没有此链接，别人无法打开。",
            "Send the link to yourself (in a chat or an email): it opens these answers, and this report, on any device. The answers travel inside the link itself; nothing is sent to a server, and no one else can open them without the link.";
        share_link: &'static str = "分享链接", "Share the link";
        copy_link: &'static str = "复制链接", "Copy the link";
        link_copied: &'static str = "链接已复制。", "Link copied.";
        copy_failed: &'static str =
            "此处无法复制链接：请打开“显示链接”，从那里复制。",
            "The link could not be copied here: open “Show the link” and copy it from there.";
        handoff_qr_label: &'static str = "指向这些答案的链接二维码", "QR code of the link to these answers";
        /// Why no code is offered: the app's address is not one a phone can open.
        handoff_none_local: &'static str =
            "此处无法提供二维码：本工具运行的地址手机无法打开（本机或局域网）。请打印报告，或将答案导出为文件。运行本工具的一方可在配置中设置公开地址（handoff_url）。",
            "No code to scan here: this app runs at an address that a phone cannot open (this computer or a local network). Print the report, or export your answers to a file. Whoever runs the app can set its public address (handoff_url in the config).";
        /// Why no code is offered on a kiosk (which offers no file either).
        handoff_none_kiosk: &'static str =
            "此处无法提供二维码：本终端未设置本工具的公开地址。请在离开前打印报告。",
            "No code to scan here: no public address was set for this kiosk's app. Print your report before you leave.";
        /// Why no code is offered: embedded, and the association set no address.
        handoff_none_embedded: &'static str =
            "此处无法提供二维码：协会尚未在配置中设置本工具的公开地址（handoff_url）。请打印报告，或将答案导出为文件。",
            "No code to scan here: the association has not set the app's public address (handoff_url in its config). Print the report, or export your answers to a file.";
        /// Why no code is offered: the address and the answers do not fit a code.
        handoff_none_too_long: &'static str =
            "此处无法提供二维码：本工具的地址太长，加上答案后放不进二维码。请打印报告，或将答案导出为文件。",
            "No code to scan here: the app's address is too long to fit a code with the answers. Print the report, or export your answers to a file.";
        /// Why no code is offered: the worker that draws it could not be loaded.
        handoff_none_unavailable: &'static str =
            "此处无法生成二维码：本工具的部分文件缺失（尚未保存以供离线使用）。请联网一次，或打印报告。",
            "The code could not be drawn here: part of the app is missing (it has not been kept for offline use yet). Connect to the internet once, or print the report.";
        handoff_offer_intro: &'static str =
            "打开本页的链接中带有一套答案。它们只在本设备上读取，没有发送到任何地方。",
            "The link that opened this page holds a set of answers. They are read on this device only: nothing was sent anywhere.";
        open_handoff: &'static str = "打开这些答案", "Open these answers";
        compare_handoff: &'static str =
            "与本设备上的答案对比",
            "Compare them with the answers on this device";
        decline_handoff: &'static str = "暂不打开", "Not now";
        link_refused: &'static str =
            "无法打开此链接中的答案，未作任何更改。",
            "The answers in this link could not be opened. Nothing changed.";
        link_not_code: &'static str = "此链接中没有答案。", "The link holds no answers.";
        link_damaged: &'static str =
            "链接不完整或已被改动（少了或改了某个数字）。请重新扫码，或复制完整的链接。",
            "The link is incomplete or was changed: a digit is missing or altered. Scan the code again, or copy the whole link.";
        link_unknown_format: &'static str =
            "此链接由本工具的其他版本生成。请在生成它的地方打开，并将答案导出为文件。",
            "The link was made by another version of this tool. Open it where it was made and export the answers to a file.";
        link_malformed: &'static str = "此链接不是由本工具生成的。", "The link was not made by this tool.";
        link_other_questions: &'static str =
            "此链接针对本问卷的另一组部分（其他协会选定的部分）生成。",
            "The link was made for this questionnaire with other sections (another association's selection).";
        follow_up_title: &'static str = "下一次评估", "Next time";
        follow_up_explain: &'static str =
            "一年后或获得支持后：从这些答案开始一次跟进评估，逐部分核对并修改有变化的地方。本次评估会带日期保存在本设备上，新报告将显示变化。",
            "After a year, or after support: start a follow-up from these answers, check each section and change what is different. This assessment stays on this device, dated, and the new report shows what changed.";
        start_follow_up: &'static str = "开始跟进评估", "Start a follow-up assessment";
        earlier_title: &'static str = "本设备上的历次评估", "Earlier assessments on this device";
        compare: &'static str = "对比", "Compare";
        forget: &'static str = "删除", "Remove";
        compare_file: &'static str = "与答案文件对比", "Compare with an answers file";
        stop_comparing: &'static str = "停止对比", "Stop comparing";
        compare_refused: &'static str =
            "无法将此评估与您的评估对比，未作任何更改。",
            "This assessment could not be compared with yours. Nothing changed.";
        then: &'static str = "之前", "Then";
        now: &'static str = "现在", "Now";
        change: &'static str = "变化", "Change";
        /// Between the clauses of the comparison's one sentence: ", " or "，".
        clause_sep: &'static str = "，", ", ";
        improved: &'static str = "有进步的答案", "Answers that improved";
        fell_back: &'static str = "有退步的答案", "Answers that fell back";
        gaps_closed: &'static str = "已消除的关键短板", "Critical gaps closed";
        gaps_new: &'static str = "新出现的关键短板", "New critical gaps";
        plan_done: &'static str = "上次计划中已完成的行动", "Actions of the earlier plan now done";
        stopped_applying: &'static str = "不再适用于本企业", "No longer applies to the firm";
        started_applying: &'static str = "现在适用于本企业", "Applies to the firm now";
        not_carried: &'static str =
            "无法沿用到本版本的先前答案",
            "Earlier answers that could not be carried over to this version";
        none_of_these: &'static str = "无。", "None.";
        undated: &'static str = "无日期", "undated";
        /// The radar's legend: the earlier shape is dashed, the current one solid.
        legend_then: &'static str = "之前：虚线", "Then: dashed line";
        legend_now: &'static str = "现在：实线", "Now: solid line";
    }
    sentences {
        /// The offer of a hand-off link's answers.
        fn handoff_offer(date: &str) -> String =
            |date: &str| format!("打开 {date} 的答案吗？"),
            |date: &str| format!("Open the answers from {date}?");
        /// Opening a link's answers replaces the answers this device has (how many answered).
        fn handoff_replaces(answered: usize) -> String =
            |answered: usize| format!("本设备上已有其他答案（已答 {answered} 题）。打开链接中的答案会替换它们；替换后可立即撤销。"),
            |answered: usize| {
                format!("This device has other answers ({answered} answered). Opening the link's answers replaces them; you can undo that straight after.")
            };
        fn opened(date: &str) -> String =
            |date: &str| format!("已打开 {date} 的答案。"),
            |date: &str| format!("Opened the answers from {date}.");
        /// The heading of a comparison with the assessment of `date`.
        fn progress_since(date: &str) -> String =
            |date: &str| format!("自 {date} 以来的变化"),
            |date: &str| format!("Progress since {date}");
        /// The comparison's one sentence, clause by clause (each kept on one line): the overall
        /// score's change, as `format_change` writes it.
        fn points_change(change: &str) -> String =
            |change: &str| format!("{change} 分"),
            |change: &str| {
                // One decimal always ("+1.0"), so always plural.
                format!("{change} points")
            };
        /// The stage now, against the earlier one.
        fn stage_moved(trend: Trend, stage: &str) -> String =
            |trend: Trend, stage: &str| {
                match trend {
                    Trend::Up => format!("升至{stage}"),
                    Trend::Same => format!("仍为{stage}"),
                    Trend::Down => format!("降至{stage}"),
                }
            },
            |trend: Trend, stage: &str| {
                match trend {
                    Trend::Up => format!("up to {stage}"),
                    Trend::Same => format!("still {stage}"),
                    Trend::Down => format!("down to {stage}"),
                }
            };
        fn gaps_closed_count(gaps: usize) -> String =
            |gaps: usize| format!("关闭 {gaps} 个关键缺口"),
            |gaps: usize| {
                match gaps {
                    1 => "1 critical gap closed".to_owned(),
                    n => format!("{n} critical gaps closed"),
                }
            };
        fn gaps_new_count(gaps: usize) -> String =
            |gaps: usize| format!("新增 {gaps} 个关键缺口"),
            |gaps: usize| {
                match gaps {
                    1 => "1 new critical gap".to_owned(),
                    n => format!("{n} new critical gaps"),
                }
            };
        /// On each screen of a follow-up: whose answers it starts from.
        fn follow_up_banner(date: &str) -> String =
            |date: &str| {
                format!(
                    "这是对 {date} 评估的跟进：已填入当时的答案。请逐部分核对，并修改今天有变化的地方。"
                )
            },
            |date: &str| {
                format!("Follow-up of your assessment of {date}: its answers are filled in. Check each section and change what is different today.")
            };
        fn history_unreadable(entries: usize) -> String =
            |entries: usize| format!("本设备上保存的 {entries} 次先前评估无法读取，已原样保留。"),
            |entries: usize| {
                match entries {
                    1 => "One earlier assessment kept on this device could not be read; it is left as it is.".to_owned(),
                    n => format!("{n} earlier assessments kept on this device could not be read; they are left as they are."),
                }
            };
    }
}
