//! One learner's record, for a trainer of their cohort: progress in each module, then every
//! answer of every attempt with what was chosen and whether it was right.

use catalog::QuizKind;

use super::ssr::Context;
use super::table::{cell, figure, frame, good_or_bad, header, percent, title_of};
use crate::errors::AppError;
use crate::i18n::{tr, tr_args};
use crate::model::{Report, ReportTable};

pub async fn report(context: &Context<'_>) -> Result<Report, AppError> {
    let (db, catalog, query, lang) = (context.db, context.catalog, context.query, context.lang);
    let cohort = context.one_cohort()?;
    context
        .caller
        .require_manager_of(db, cohort, query.account)
        .await?;
    let who = insights::learners(db, &context.cohorts)
        .await?
        .into_iter()
        .find(|l| l.account_id == query.account)
        .ok_or(AppError::NotFound)?;
    let score = |s: Option<u8>| {
        s.map(|s| percent(f64::from(s), lang))
            .unwrap_or_else(|| "—".into())
    };
    let overview = learning::progress::overview(db, catalog, query.account).await?;
    let progress_rows = catalog
        .modules()
        .iter()
        .zip(&overview)
        .map(|(m, p)| {
            vec![
                cell(title_of(m, lang)),
                cell(format!("{} / {}", p.lessons_read.len(), p.lessons_total)),
                cell(score(p.pretest_score)),
                cell(score(p.best_score)),
            ]
        })
        .collect();
    let history = learning::attempts::history(db, query.account).await?;
    let mut answer_rows = Vec::new();
    for taken in &history {
        let attempt = &taken.attempt;
        let module = catalog.module(&attempt.module);
        let kind = attempt.kind;
        let quiz = module.and_then(|m| m.quiz_of(kind));
        let test = tr(
            lang,
            if kind == QuizKind::Pretest {
                "report-pretest"
            } else {
                "report-quiz"
            },
        );
        for answer in &taken.answers {
            let question = quiz.and_then(|q| q.questions.iter().find(|x| x.id == answer.question));
            let text = question.map(|q| q.texts.get(lang.code()));
            let chosen: Vec<String> = answer
                .chosen
                .iter()
                .map(|&p| {
                    text.and_then(|t| t.options.get(p))
                        .map_or_else(|| p.to_string(), |o| o.text.clone())
                })
                .collect();
            answer_rows.push(vec![
                cell(
                    module
                        .map(|m| title_of(m, lang))
                        .unwrap_or_else(|| attempt.module.clone()),
                ),
                cell(format!("{test} {}", attempt.number)),
                cell(percent(f64::from(attempt.score), lang)),
                cell(
                    text.map(|t| t.stem_text.clone())
                        .unwrap_or_else(|| answer.question.clone()),
                ),
                cell(chosen.join(" + ")),
                good_or_bad(
                    answer.right,
                    tr(
                        lang,
                        if answer.right {
                            "report-answer-right"
                        } else {
                            "report-answer-wrong"
                        },
                    ),
                ),
            ]);
        }
    }
    let title = tr_args(
        lang,
        "report-learner-title",
        &[("name", who.name.clone()), ("cohort", context.name.clone())],
    );
    Ok(Report {
        summary: vec![figure(tr(lang, "report-attempts"), history.len())],
        tables: vec![
            ReportTable {
                heading: tr(lang, "report-progress-table"),
                header: header(
                    lang,
                    [
                        "report-module",
                        "report-lessons-read",
                        "report-pretest",
                        "report-best",
                    ],
                ),
                rows: progress_rows,
                footer: Vec::new(),
            },
            ReportTable {
                heading: tr(lang, "report-answers-table"),
                header: header(
                    lang,
                    [
                        "report-module",
                        "report-test",
                        "report-score",
                        "report-question",
                        "report-answer",
                        "report-result",
                    ],
                ),
                rows: answer_rows,
                footer: Vec::new(),
            },
        ],
        ..frame(context, title)
    })
}
