//! Quizzes over HTTP, on SQLite and PostgreSQL: fail then pass and see the module completed,
//! forged answers refused with nothing changed, the answer key kept on the server, and every
//! submission recorded exactly once when many arrive at the same moment.

use crate::support::{PASSWORD, TestApp, account, fixture_content, form};
use accounts::Role;
use app::serverfns::learning::{MarkRead, SubmitQuiz};
use catalog::{Catalog, QuizKind};
use learning::entity::{quiz_answer, quiz_attempt};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

pub(crate) fn catalog() -> Catalog {
    catalog::load(&fixture_content(), &["fr".to_string(), "en".to_string()]).unwrap()
}

/// The form body of attempt `number` of `kind` in module `first`, all right or all wrong,
/// with the field names the page uses.
pub(crate) fn answers(
    catalog: &Catalog,
    kind: QuizKind,
    account: i64,
    number: u32,
    right: bool,
) -> Vec<(String, String)> {
    let module = catalog.module("first").unwrap();
    let quiz = module.quiz_of(kind).unwrap();
    let mut fields = Vec::new();
    for (i, d) in learning::attempts::draw(module, kind, account, number)
        .unwrap()
        .iter()
        .enumerate()
    {
        let question = &quiz.questions[d.question];
        let shown: Vec<usize> = (0..d.options.len())
            .filter(|&p| question.correct[d.options[p]] == right)
            .collect();
        if question.kind.is_single_answer() {
            fields.push((format!("answers[q{i}]"), format!("{i}-{}", shown[0])));
        } else {
            for p in shown {
                fields.push((format!("answers[q{i}o{p}]"), format!("{i}-{p}")));
            }
        }
    }
    fields
}

pub(crate) fn body(kind: QuizKind, number: u32, answers: &[(String, String)]) -> String {
    let number = number.to_string();
    let mut pairs: Vec<(&str, &str)> = vec![
        ("module", "first"),
        ("kind", kind.code()),
        ("attempt", &number),
    ];
    pairs.extend(answers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    form(&pairs)
}

async fn counts(db: &DatabaseConnection) -> (u64, u64) {
    (
        quiz_attempt::Entity::find().count(db).await.unwrap(),
        quiz_answer::Entity::find().count(db).await.unwrap(),
    )
}

pub(crate) async fn read_lessons(app: &TestApp, cookie: &str) {
    for lesson in ["01-start", "02-next"] {
        let response = app
            .call::<MarkRead>(
                &form(&[("module", "first"), ("lesson", lesson)]),
                Some(cookie),
            )
            .await;
        assert!(
            response.status().is_success() || response.status().is_redirection(),
            "{}",
            response.status()
        );
    }
}

pub(crate) async fn page(app: &TestApp, path: &str, cookie: &str, lang: &str) -> (u16, String) {
    let response = app
        .client
        .get(format!("{}{path}", app.base))
        .header("cookie", format!("{cookie}; lang={lang}"))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn a_learner_fails_then_passes_and_the_module_is_completed(app: &TestApp) {
    let db = app.db().await;
    let catalog = catalog();
    let awa = account(&db, "awa", Role::Learner).await;
    let cookie = app.sign_in("awa", PASSWORD).await;

    let (status, html) = page(app, "/modules/first/test/quiz", &cookie, "fr").await;
    assert_eq!(status, 200);
    assert!(html.contains("data-state=\"lessons-not-read\""), "{html}");
    let refused = app
        .call::<SubmitQuiz>(
            &body(
                QuizKind::Quiz,
                1,
                &answers(&catalog, QuizKind::Quiz, awa, 1, true),
            ),
            Some(&cookie),
        )
        .await;
    assert_eq!(refused.status(), 400);
    assert!(refused.text().await.unwrap().contains("LessonsNotRead"));

    read_lessons(app, &cookie).await;
    let (_, html) = page(app, "/modules/first", &cookie, "fr").await;
    assert!(html.contains("✓ lue"), "lessons ticked as read");
    assert!(html.contains("data-state=\"open\""));

    let (status, html) = page(app, "/modules/first/test/quiz", &cookie, "fr").await;
    assert_eq!(status, 200);
    assert_eq!(html.matches("class=\"question\"").count(), 3);
    assert!(html.contains("name=\"answers[q0]\""));

    // Attempt 1, all wrong: failed, and the answers stay hidden ("after-passing").
    let wrong = app
        .call::<SubmitQuiz>(
            &body(
                QuizKind::Quiz,
                1,
                &answers(&catalog, QuizKind::Quiz, awa, 1, false),
            ),
            Some(&cookie),
        )
        .await;
    assert!(
        wrong.status().is_success() || wrong.status().is_redirection(),
        "{}",
        wrong.status()
    );
    let (status, html) = page(app, "/modules/first/test/quiz/1", &cookie, "fr").await;
    assert_eq!(status, 200);
    assert!(html.contains("data-passed=\"false\""));
    assert!(html.contains("Votre score\u{a0}: 0\u{a0}%"), "{html}");
    assert!(html.contains("Mauvaise réponse"));
    assert!(
        !html.contains("Explication simple"),
        "explanations hidden before passing"
    );
    assert!(html.contains("Les bonnes réponses s’afficheront plus tard"));

    // Attempt 2, all right: passed; this and the first attempt now show the explanations.
    let right = app
        .call::<SubmitQuiz>(
            &body(
                QuizKind::Quiz,
                2,
                &answers(&catalog, QuizKind::Quiz, awa, 2, true),
            ),
            Some(&cookie),
        )
        .await;
    assert!(right.status().is_success() || right.status().is_redirection());
    let (_, html) = page(app, "/modules/first/test/quiz/2", &cookie, "en").await;
    assert!(html.contains("data-passed=\"true\""));
    assert!(html.contains("Your score: 100%"), "{html}");
    assert!(html.contains("Simple explanation."));
    assert!(html.contains("Source A, art. 1 (EN)"));
    let (_, html) = page(app, "/modules/first/test/quiz/1", &cookie, "fr").await;
    assert!(html.contains("Explication simple"));
    assert!(html.contains("✓ bonne réponse"));

    // Home: the module is completed with its best score; the second is not started.
    let (_, html) = page(app, "/", &cookie, "fr").await;
    assert!(html.contains("data-state=\"completed\""), "{html}");
    assert!(html.contains("meilleur score 100\u{a0}%"));
    assert!(html.contains("data-state=\"not-started\""));
    let (_, html) = page(app, "/", &cookie, "en").await;
    assert!(html.contains("Completed") && html.contains("Not started"));
    assert_eq!(counts(&db).await, (2, 6));

    // The learner's data download holds what they read and every answer they gave.
    let data: serde_json::Value = serde_json::from_str(
        &app.get_as("/account/data.json", Some(&cookie))
            .await
            .text()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        data["learning"]["lessons_read"].as_array().unwrap().len(),
        2
    );
    assert_eq!(data["learning"]["attempts"].as_array().unwrap().len(), 2);
    assert_eq!(
        data["learning"]["attempts"][1]["answers"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

async fn forged_answers_are_refused_with_a_message_and_change_nothing(app: &TestApp) {
    let db = app.db().await;
    let catalog = catalog();
    let awa = account(&db, "awa", Role::Learner).await;
    let cookie = app.sign_in("awa", PASSWORD).await;
    read_lessons(app, &cookie).await;
    let good = answers(&catalog, QuizKind::Quiz, awa, 1, true);
    let with = |extra: (&str, &str)| {
        let mut a = good.clone();
        a.push((extra.0.to_string(), extra.1.to_string()));
        a
    };
    let mut missing = good.clone();
    missing.retain(|(k, _)| k != "answers[q0]" && !k.starts_with("answers[q0o"));
    // q0's answer given under q0's name but pointing at question 1's option.
    let mut other_question = good.clone();
    for (k, v) in other_question.iter_mut() {
        if k == "answers[q0]" || k.starts_with("answers[q0o") {
            *v = "1-0".into();
        }
    }
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "a question this attempt does not ask",
            body(QuizKind::Quiz, 1, &with(("answers[q9]", "9-0"))),
            "AnswersInvalid",
        ),
        (
            "an option the question does not have",
            body(QuizKind::Quiz, 1, &with(("answers[q0x]", "0-7"))),
            "AnswersInvalid",
        ),
        (
            "an unreadable answer",
            body(QuizKind::Quiz, 1, &with(("answers[q0x]", "zéro-un"))),
            "AnswersInvalid",
        ),
        (
            "a missing question",
            body(QuizKind::Quiz, 1, &missing),
            "AnswersInvalid",
        ),
        (
            "an option of another question",
            body(QuizKind::Quiz, 1, &other_question),
            "AnswersInvalid",
        ),
        (
            "an attempt that is not the next",
            body(QuizKind::Quiz, 5, &good),
            "StaleAttempt",
        ),
        (
            "an unknown kind of test",
            body(QuizKind::Quiz, 1, &good).replace("kind=quiz", "kind=exam"),
            "NotFound",
        ),
        (
            "no attempt number",
            body(QuizKind::Quiz, 1, &good).replace("attempt=1", "attempt=un"),
            "BadInput",
        ),
    ];
    for (what, request, expected) in cases {
        let response = app.call::<SubmitQuiz>(&request, Some(&cookie)).await;
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        assert!(matches!(status, 400 | 404), "{what}: {status}");
        assert!(text.contains(expected), "{what}: {text}");
        assert!(
            !text.contains("panicked") && !text.contains("src/"),
            "{what}: {text}"
        );
    }
    assert_eq!(counts(&db).await, (0, 0), "nothing recorded");

    // Without JavaScript: back to the quiz with the message in the visitor's language.
    let response = app
        .post_plain_form::<SubmitQuiz>(
            &body(QuizKind::Quiz, 1, &with(("answers[q9]", "9-0"))),
            Some(&cookie),
            "/modules/first/test/quiz",
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(location, "/modules/first/test/quiz?error=answers-invalid");
    let (_, html) = page(app, &location, &cookie, "fr").await;
    assert!(html.contains("Les réponses envoyées ne correspondent pas aux questions"));
    let (_, html) = page(app, &location, &cookie, "en").await;
    assert!(html.contains("The answers sent do not match the questions"));

    // Extra fields claiming a score change nothing: the server grades.
    let wrong = answers(&catalog, QuizKind::Quiz, awa, 1, false);
    let forged = format!("{}&score=100&passed=true", body(QuizKind::Quiz, 1, &wrong));
    let response = app.call::<SubmitQuiz>(&forged, Some(&cookie)).await;
    assert!(response.status().as_u16() < 400);
    let attempt = quiz_attempt::Entity::find()
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((attempt.score, attempt.passed), (0, false));

    // The pre-test is closed once the quiz has been tried.
    let pretest = app
        .call::<SubmitQuiz>(
            &body(
                QuizKind::Pretest,
                1,
                &answers(&catalog, QuizKind::Pretest, awa, 1, true),
            ),
            Some(&cookie),
        )
        .await;
    assert_eq!(pretest.status(), 400);
    assert!(pretest.text().await.unwrap().contains("PretestClosed"));

    // Three attempts are allowed; the fourth is refused.
    for number in 2..=3 {
        let r = app
            .call::<SubmitQuiz>(
                &body(
                    QuizKind::Quiz,
                    number,
                    &answers(&catalog, QuizKind::Quiz, awa, number, false),
                ),
                Some(&cookie),
            )
            .await;
        assert!(
            r.status().as_u16() < 400,
            "attempt {number}: {}",
            r.status()
        );
    }
    let fourth = app
        .call::<SubmitQuiz>(
            &body(
                QuizKind::Quiz,
                4,
                &answers(&catalog, QuizKind::Quiz, awa, 4, true),
            ),
            Some(&cookie),
        )
        .await;
    assert_eq!(fourth.status(), 400);
    assert!(fourth.text().await.unwrap().contains("NoAttemptsLeft"));
    let (_, html) = page(app, "/modules/first/test/quiz", &cookie, "fr").await;
    assert!(html.contains("data-state=\"no-attempts-left\""));
    assert_eq!(counts(&db).await, (3, 9));
}

async fn the_answer_key_never_reaches_the_browser_before_submission(app: &TestApp) {
    let db = app.db().await;
    let catalog = catalog();
    let awa = account(&db, "awa", Role::Learner).await;
    let cookie = app.sign_in("awa", PASSWORD).await;
    read_lessons(app, &cookie).await;
    let (_, html) = page(app, "/modules/first/test/quiz", &cookie, "fr").await;
    for secret in [
        "Explication simple",
        "Explication multiple",
        "Retour sur A",
        "Source A, art. 1",
        "correct",
        "\"right\"",
    ] {
        assert!(!html.contains(secret), "the quiz page holds {secret:?}");
    }
    // The option values are places as shown, not places in the file: they say nothing.
    let module = catalog.module("first").unwrap();
    let drawn = learning::attempts::draw(module, QuizKind::Quiz, awa, 1).unwrap();
    for (i, d) in drawn.iter().enumerate() {
        for p in 0..d.options.len() {
            assert!(html.contains(&format!("value=\"{i}-{p}\"")));
        }
    }
    // Someone else's attempt is not reachable: the address names no account.
    let ali = account(&db, "ali", Role::Learner).await;
    let ali_cookie = app.sign_in("ali", PASSWORD).await;
    app.call::<SubmitQuiz>(
        &body(
            QuizKind::Pretest,
            1,
            &answers(&catalog, QuizKind::Pretest, ali, 1, true),
        ),
        Some(&ali_cookie),
    )
    .await;
    let (status, _) = page(app, "/modules/first/test/pretest/1", &cookie, "fr").await;
    assert_eq!(status, 404);
    let (status, html) = page(app, "/modules/first/test/pretest/1", &ali_cookie, "fr").await;
    assert_eq!(status, 200);
    assert!(html.contains("Pré-test terminé"));
    assert!(
        html.contains("Explication G."),
        "a pre-test shows its answers at once"
    );
}

async fn simultaneous_submissions_are_each_recorded_exactly_once(app: &TestApp) {
    let db = app.db().await;
    let catalog = catalog();
    // One learner double-clicks: ten copies of the same attempt at once.
    let awa = account(&db, "awa", Role::Learner).await;
    let cookie = app.sign_in("awa", PASSWORD).await;
    read_lessons(app, &cookie).await;
    let request = body(
        QuizKind::Quiz,
        1,
        &answers(&catalog, QuizKind::Quiz, awa, 1, true),
    );
    let statuses =
        futures::future::join_all((0..10).map(|_| app.call::<SubmitQuiz>(&request, Some(&cookie))))
            .await;
    assert!(
        statuses.iter().all(|r| r.status().as_u16() < 400),
        "{:?}",
        statuses.iter().map(|r| r.status()).collect::<Vec<_>>()
    );
    assert_eq!(counts(&db).await, (1, 3));

    // Twenty-five learners submit at the same moment: twenty-five attempts, every answer.
    let mut learners = Vec::new();
    for n in 0..25 {
        let name = format!("learner{n}");
        let id = account(&db, &name, Role::Learner).await;
        let cookie = app.sign_in(&name, PASSWORD).await;
        read_lessons(app, &cookie).await;
        learners.push((id, cookie));
    }
    let app_ref = app;
    let responses = futures::future::join_all(learners.iter().map(|(id, cookie)| {
        let app = app_ref;
        let request = body(
            QuizKind::Quiz,
            1,
            &answers(&catalog, QuizKind::Quiz, *id, 1, id % 2 == 0),
        );
        async move {
            app.call::<SubmitQuiz>(&request, Some(cookie))
                .await
                .status()
                .as_u16()
        }
    }))
    .await;
    assert!(responses.iter().all(|s| *s < 400), "{responses:?}");
    assert_eq!(counts(&db).await, (26, 78));
    let passed = quiz_attempt::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .iter()
        .filter(|a| a.passed)
        .count();
    assert_eq!(
        passed,
        1 + learners.iter().filter(|(id, _)| id % 2 == 0).count()
    );
}

on_every_database!(
    a_learner_fails_then_passes_and_the_module_is_completed,
    forged_answers_are_refused_with_a_message_and_change_nothing,
    the_answer_key_never_reaches_the_browser_before_submission,
    simultaneous_submissions_are_each_recorded_exactly_once
);
