//! One component per file, each named for what it shows. Components get plain values and callbacks
//! as props; only `App` holds the reducer. Pages (`Section`, `Review`, `ReportPage`) get the state
//! and a `Callback<Action>`; the widgets inside them get only what they show.

pub mod about;
pub mod answers_file;
pub mod attract;
pub mod critical_gaps;
pub mod damaged_notice;
pub mod export_path;
pub mod item_results;
pub mod kiosk_timer;
pub mod lang_switch;
pub mod missing_answers;
pub mod notice;
pub mod question;
pub mod radar_chart;
pub mod recommendations;
pub mod report;
pub mod review;
pub mod score_bars;
pub mod section;
pub mod setup_problems;
pub mod share;
pub mod stage_ladder;
pub mod start;
pub mod status_bar;
pub mod steps;

pub use about::About;
pub use answers_file::AnswersFile;
pub use attract::Attract;
pub use critical_gaps::CriticalGaps;
pub use damaged_notice::DamagedNotice;
pub use export_path::ExportPath;
pub use item_results::ItemResults;
pub use kiosk_timer::KioskTimer;
pub use lang_switch::{LangSwitch, LangSwitchProps};
pub use missing_answers::MissingAnswers;
pub use notice::NoticeBar;
pub use question::{Question, QuestionProps};
pub use radar_chart::{RadarChart, RadarChartProps};
pub use recommendations::Recommendations;
pub use report::ReportPage;
pub use review::Review;
pub use score_bars::{Bar, ScoreBars, ScoreBarsProps};
pub use section::Section;
pub use setup_problems::{SetupProblems, SetupProblemsProps};
pub use share::Share;
pub use stage_ladder::StageLadder;
pub use start::{Start, StartProps};
pub use status_bar::StatusBar;
pub use steps::Steps;
