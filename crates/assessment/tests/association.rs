//! An association's config: parsed and checked by the core, every problem naming its field.

use assessment::association::{is_colour, is_resource_url};
use assessment::{AssociationConfig, CatalogueSource, DimensionId, LangTag, Place, ProblemKind};

fn languages() -> Vec<LangTag> {
    vec![LangTag::from("zh-CN"), LangTag::from("en")]
}

#[test]
fn a_config_file_is_read_with_its_customisation() {
    let c = AssociationConfig::from_file(
        r##"{"name": {"zh-CN": "协会", "en": "The Association"}, "origin": "https://assoc.example",
            "theme": {"brand": "#123456"}, "sections": ["technology"],
            "weights": {"items": {"T1": 2}, "dimensions": {"technology": 1.5}}}"##,
    )
    .unwrap();
    assert_eq!(
        c.name.as_ref().unwrap().get(&LangTag::from("en")),
        "The Association"
    );
    assert_eq!(
        c.customisation.sections,
        Some(vec![DimensionId::from("technology")])
    );
    assert_eq!(c.customisation.weights.items.len(), 1);
    assert!(c.problems(&languages()).is_empty());
    assert!(c.can_share());
}

#[test]
fn a_config_file_must_name_its_origin() {
    // Else a hostile page passes its own origin and receives the association's results.
    let problems = AssociationConfig::from_file(r#"{"name": "The Association"}"#).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (
            &problems[0].place,
            problems[0].field.as_str(),
            &problems[0].kind
        ),
        (&Place::Config, "origin", &ProblemKind::Missing)
    );
}

#[test]
fn a_file_that_is_not_a_config_is_reported() {
    for text in [r#"{"colour": "red"}"#, r#"{"weights": {"T1": 2}}"#, "{"] {
        let problems = AssociationConfig::from_file(text).unwrap_err();
        assert!(
            matches!(&problems[0].kind, ProblemKind::Format(m) if m.contains("line")),
            "{problems:?}"
        );
    }
}

#[test]
fn every_problem_names_its_field() {
    let c = AssociationConfig::from_file(
        r#"{"origin": "https://a.example/page", "language": "fr",
            "theme": {"brand": "red; background: url(x)", "font": "x}{", "logo": "javascript:alert(1)"},
            "questionnaire": "data:text/json,{}", "obligations": "javascript:alert(1)",
            "handoff_url": "http://localhost:8080/"}"#,
    )
    .unwrap();
    let fields: Vec<String> = c
        .problems(&languages())
        .into_iter()
        .map(|p| p.field)
        .collect();
    assert_eq!(
        fields,
        [
            "origin",
            "language",
            "theme.brand",
            "theme.font",
            "theme.logo",
            "questionnaire",
            "obligations",
            "handoff_url"
        ]
    );
}

#[test]
fn a_name_must_read_as_it_is() {
    for name in [r#""Assoc \u202e""#, r#"{"zh-CN": "协会", "en": "A\u0007"}"#] {
        let file = format!(r#"{{"name": {name}, "origin": "https://a.example"}}"#);
        let problems = AssociationConfig::from_file(&file)
            .unwrap()
            .problems(&languages());
        assert_eq!(problems.len(), 1);
        assert!(matches!(
            problems[0].kind,
            ProblemKind::ForbiddenCharacter(_)
        ));
        assert_eq!(problems[0].field, "name");
    }
}

#[test]
fn colours_and_urls_are_checked_strictly() {
    for ok in [
        "#fff",
        "#0b4f6c",
        "#0b4f6cff",
        "rgb(11 79 108)",
        "rgba(11, 79, 108, 0.5)",
        "hsl(200deg 80% 20%)",
    ] {
        assert!(is_colour(ok), "{ok}");
    }
    for bad in ["red", "#ggg", "rgb(1,2,3);x", "url(x)", "#12345"] {
        assert!(!is_colour(bad), "{bad}");
    }
    for ok in [
        "https://a.example/logo.png",
        "logo.png",
        "/assets/q.json",
        "http://127.0.0.1:8081/q.json",
    ] {
        assert!(is_resource_url(ok), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "data:image/png;base64,AA",
        "http://a.example/x",
        "a b.png",
        "\"x",
        "//evil.example/q.json",
        "https://assoc.example@evil.example/q.json",
        "http://user@127.0.0.1/q.json",
        "JavaScript:alert(1)",
        "vbscript:x",
        "https:///x",
    ] {
        assert!(!is_resource_url(bad), "{bad}");
    }
}

/// Which catalogue reads the questionnaire a config asks: the association's own when named (for
/// its own questionnaire or the shipped one), the shipped one for the shipped questionnaire, and
/// none for an association's questionnaire without one.
#[test]
fn the_catalogue_follows_the_questionnaire() {
    let config = |extra: &str| {
        AssociationConfig::from_file(&format!(r#"{{"origin": "https://a.example"{extra}}}"#))
            .unwrap()
    };
    let own = config(
        r#", "questionnaire": "https://a.example/q.json",
            "obligations": "https://a.example/obligations.json""#,
    );
    assert!(own.problems(&languages()).is_empty());
    assert_eq!(
        own.catalogue(),
        CatalogueSource::Own("https://a.example/obligations.json")
    );
    assert_eq!(config("").catalogue(), CatalogueSource::Shipped);
    assert_eq!(
        config(r#", "sections": ["technology"]"#).catalogue(),
        CatalogueSource::Shipped
    );
    assert_eq!(
        config(r#", "questionnaire": "https://a.example/q.json""#).catalogue(),
        CatalogueSource::None
    );
    assert_eq!(
        config(r#", "obligations": "/assoc/obligations.json""#).catalogue(),
        CatalogueSource::Own("/assoc/obligations.json")
    );
}
