//! Trainers' reports on a cohort (or on all cohorts, for administrators): the progress
//! matrix, the question analysis and the pre-test/post-test comparison of a module, and one
//! learner's record. The page and its CSV export (`server/src/reports.rs`) build the same
//! [`Report`](crate::model::Report) from the same query.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::{Report, ReportQuery};

/// The report `query` asks for, for its cohort's trainers and administrators only.
#[server]
pub async fn get_report(lang: String, query: ReportQuery) -> Result<Report, AppError> {
    use crate::auth::ssr::{caller, db};
    use crate::serverfns::courses::ssr::{catalog, lang as parse_lang};

    let caller = caller().await?;
    let catalog = catalog()?;
    ssr::build(&db()?, &catalog, &caller, &query, parse_lang(&lang)).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    //! Building reports; shared by the page's server function and the CSV export.

    use catalog::{Catalog, Module, QuizKind};
    use insights::matrix::{Matrix, State};
    use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

    use crate::errors::AppError;
    use crate::i18n::{Lang, tr, tr_args};
    use crate::model::{
        Bar, Chart, LessonLink, Report, ReportCell, ReportQuery, ReportTable, report_href,
    };

    /// Checks that `caller` may see `query`'s cohort, then builds the report.
    pub async fn build(
        db: &DatabaseConnection,
        catalog: &Catalog,
        caller: &accounts::Caller,
        query: &ReportQuery,
        lang: Lang,
    ) -> Result<Report, AppError> {
        let (cohorts, name) = scope(db, caller, &query.cohort, lang).await?;
        match query.kind.as_str() {
            "progress" => progress(db, catalog, query, &cohorts, &name, lang).await,
            "questions" => questions(db, catalog, query, &cohorts, &name, lang).await,
            "gain" => gain(db, catalog, query, &cohorts, &name, lang).await,
            "learner" => learner(db, catalog, caller, query, &cohorts, &name, lang).await,
            "attendance" => attendance(db, query, &cohorts, &name, lang).await,
            _ => Err(AppError::NotFound),
        }
    }

    /// The cohorts a report covers and its name: one cohort for its trainers and
    /// administrators, or every cohort (`all`) for administrators only.
    async fn scope(
        db: &DatabaseConnection,
        caller: &accounts::Caller,
        cohort: &str,
        lang: Lang,
    ) -> Result<(Vec<i64>, String), AppError> {
        use accounts::entity::cohort;
        if cohort == "all" {
            caller.require_admin()?;
            let all = cohort::Entity::find()
                .all(db)
                .await
                .map_err(AppError::internal)?;
            return Ok((
                all.into_iter().map(|c| c.id).collect(),
                tr(lang, "report-all-cohorts"),
            ));
        }
        caller.require_trainer()?;
        let id: i64 = cohort.parse().map_err(|_| AppError::NotFound)?;
        caller.require_trainer_of(db, id).await?;
        let found = accounts::cohorts::get(db, id).await?;
        Ok((vec![id], found.name))
    }

    /// Whose answers a report counts: every cohort (`all`) reads the running tallies.
    fn who<'a>(query: &ReportQuery, cohorts: &'a [i64]) -> insights::Scope<'a> {
        if query.cohort == "all" {
            insights::Scope::Every
        } else {
            insights::Scope::Cohorts(cohorts)
        }
    }

    fn back(query: &ReportQuery, name: &str) -> LessonLink {
        LessonLink {
            href: if query.cohort == "all" {
                "/trainer".into()
            } else {
                format!("/trainer/cohorts/{}", query.cohort)
            },
            title: name.to_string(),
        }
    }

    fn csv_href(query: &ReportQuery, lang: Lang) -> String {
        let mut pairs = vec![
            ("kind", query.kind.clone()),
            ("lang", lang.code().to_string()),
        ];
        for (key, value) in [
            ("module", &query.module),
            ("sort", &query.sort),
            ("filter_module", &query.filter_module),
            ("filter_state", &query.filter_state),
        ] {
            if !value.is_empty() {
                pairs.push((key, value.clone()));
            }
        }
        if query.account != 0 {
            pairs.push(("account", query.account.to_string()));
        }
        format!(
            "/trainer/cohorts/{}/report.csv?{}",
            query.cohort,
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    }

    fn title_of(module: &Module, lang: Lang) -> String {
        module
            .text(lang.code())
            .map(|t| t.title.clone())
            .unwrap_or_default()
    }

    /// Links to this report for each module that has what it needs.
    fn module_links(
        catalog: &Catalog,
        query: &ReportQuery,
        lang: Lang,
        needs: impl Fn(&Module) -> bool,
    ) -> Vec<LessonLink> {
        catalog
            .modules()
            .iter()
            .filter(|m| needs(m))
            .map(|m| LessonLink {
                href: report_href(&ReportQuery {
                    module: m.slug.clone(),
                    ..query.clone()
                }),
                title: title_of(m, lang),
            })
            .collect()
    }

    /// "85 %" / "85%".
    pub fn percent(value: f64, lang: Lang) -> String {
        tr_args(
            lang,
            "report-percent",
            &[("value", format!("{}", value.round() as i64))],
        )
    }

    /// "37,5" / "37.5".
    pub fn decimal(value: f64, lang: Lang) -> String {
        let text = format!("{value:.1}");
        if lang.code() == "fr" {
            text.replace('.', ",")
        } else {
            text
        }
    }

    fn cell(text: impl Into<String>) -> ReportCell {
        ReportCell {
            text: text.into(),
            state: None,
            href: None,
        }
    }

    fn learners_filter(matrix: &mut Matrix, query: &ReportQuery) {
        let Some(column) = matrix
            .modules
            .iter()
            .position(|m| *m == query.filter_module)
        else {
            return;
        };
        let keep = |state: State| match query.filter_state.as_str() {
            "not-passed" => state != State::Passed,
            "passed" => state == State::Passed,
            "in-progress" => state == State::InProgress,
            "not-started" => state == State::NotStarted,
            _ => true,
        };
        matrix.rows.retain(|r| keep(r.cells[column].state));
    }

    async fn progress(
        db: &DatabaseConnection,
        catalog: &Catalog,
        query: &ReportQuery,
        cohorts: &[i64],
        name: &str,
        lang: Lang,
    ) -> Result<Report, AppError> {
        if query.cohort == "all" {
            return progress_of_cohorts(db, catalog, query, cohorts, name, lang).await;
        }
        let learners = insights::learners(db, cohorts).await.map_err(internal)?;
        let mut matrix = insights::matrix::matrix(db, catalog, cohorts, learners)
            .await
            .map_err(internal)?;
        learners_filter(&mut matrix, query);
        if let Some(column) = matrix.modules.iter().position(|m| *m == query.sort) {
            matrix
                .rows
                .sort_by_key(|r| std::cmp::Reverse(r.cells[column].best_score));
        }
        // Only the modules the cohort follows, when its trainer chose some.
        let followed = accounts::cohorts::modules(db, cohorts[0]).await?;
        let keep: Vec<bool> = matrix
            .modules
            .iter()
            .map(|m| followed.is_empty() || followed.contains(m))
            .collect();
        let kept = |cells: Vec<insights::matrix::Cell>| -> Vec<insights::matrix::Cell> {
            cells
                .into_iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(c, _)| c)
                .collect()
        };
        for row in &mut matrix.rows {
            row.cells = kept(std::mem::take(&mut row.cells));
        }
        matrix.totals = std::mem::take(&mut matrix.totals)
            .into_iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(t, _)| t)
            .collect();
        let modules: Vec<&Module> = catalog
            .modules()
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(m, _)| m)
            .collect();
        let mut header = vec![tr(lang, "report-learner"), tr(lang, "report-affiliation")];
        header.extend(modules.iter().map(|m| title_of(m, lang)));
        let rows: Vec<Vec<ReportCell>> = matrix
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![
                    ReportCell {
                        text: row.learner.name.clone(),
                        state: None,
                        href: (query.cohort != "all").then(|| {
                            report_href(&ReportQuery {
                                kind: "learner".into(),
                                cohort: query.cohort.clone(),
                                account: row.learner.account_id,
                                ..Default::default()
                            })
                        }),
                    },
                    cell(tr(
                        lang,
                        &format!("affiliation-{}", row.learner.affiliation),
                    )),
                ];
                cells.extend(row.cells.iter().map(|c| {
                    let state = tr(lang, &format!("report-state-{}", c.state.code()));
                    ReportCell {
                        text: match c.best_score {
                            Some(score) => format!("{state} · {}", percent(f64::from(score), lang)),
                            None => state,
                        },
                        state: Some(c.state.code().into()),
                        href: None,
                    }
                }));
                cells
            })
            .collect();
        let mut footer = vec![
            tr_args(
                lang,
                "report-total-learners",
                &[("count", matrix.rows.len().to_string())],
            ),
            String::new(),
        ];
        footer.extend(matrix.totals.iter().map(|t| total_cell(t, lang)));
        let chart = passed_chart(
            modules.iter().copied(),
            &matrix.totals,
            matrix.rows.len(),
            lang,
        );
        Ok(Report {
            title: tr_args(
                lang,
                "report-progress-title",
                &[("cohort", name.to_string())],
            ),
            back: back(query, name),
            modules: Vec::new(),
            summary: vec![(tr(lang, "report-learners"), matrix.rows.len().to_string())],
            charts: vec![chart],
            tables: vec![ReportTable {
                heading: tr(lang, "report-progress-table"),
                header,
                rows,
                footer,
            }],
            csv_href: csv_href(query, lang),
            filter: Some((
                modules
                    .iter()
                    .map(|m| (m.slug.clone(), title_of(m, lang)))
                    .collect(),
                query.clone(),
            )),
        })
    }

    /// All cohorts: one row per cohort (learners, and per module passed of started), not ten
    /// thousand learners on one page.
    async fn progress_of_cohorts(
        db: &DatabaseConnection,
        catalog: &Catalog,
        query: &ReportQuery,
        cohorts: &[i64],
        name: &str,
        lang: Lang,
    ) -> Result<Report, AppError> {
        use accounts::entity::cohort;
        use std::collections::HashMap;
        let names: HashMap<i64, String> = cohort::Entity::find()
            .filter(cohort::Column::Id.is_in(cohorts.iter().copied()))
            .all(db)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        let overview = insights::matrix::overview(db, catalog, cohorts)
            .await
            .map_err(internal)?;
        let mut lines: Vec<(String, &insights::matrix::CohortTotals)> = overview
            .cohorts
            .iter()
            .map(|c| (names.get(&c.cohort_id).cloned().unwrap_or_default(), c))
            .collect();
        lines.sort_by(|a, b| (&a.0, a.1.cohort_id).cmp(&(&b.0, b.1.cohort_id)));
        let modules = catalog.modules();
        let mut header = vec![tr(lang, "report-cohort"), tr(lang, "report-learners")];
        header.extend(modules.iter().map(|m| title_of(m, lang)));
        let rows = lines
            .into_iter()
            .map(|(cohort_name, line)| {
                let mut cells = vec![
                    ReportCell {
                        text: cohort_name,
                        state: None,
                        href: Some(format!("/trainer/cohorts/{}/progress", line.cohort_id)),
                    },
                    cell(line.learners.to_string()),
                ];
                cells.extend(line.totals.iter().map(|t| cell(total_cell(t, lang))));
                cells
            })
            .collect();
        let mut footer = vec![tr(lang, "report-total"), overview.learners.to_string()];
        footer.extend(overview.totals.iter().map(|t| total_cell(t, lang)));
        let chart = passed_chart(modules.iter(), &overview.totals, overview.learners, lang);
        Ok(Report {
            title: tr_args(
                lang,
                "report-progress-title",
                &[("cohort", name.to_string())],
            ),
            back: back(query, name),
            modules: Vec::new(),
            summary: vec![(tr(lang, "report-learners"), overview.learners.to_string())],
            charts: vec![chart],
            tables: vec![ReportTable {
                heading: tr(lang, "report-cohorts-table"),
                header,
                rows,
                footer,
            }],
            csv_href: csv_href(query, lang),
            filter: None,
        })
    }

    /// "3 passed of 5 started", for a module's total.
    fn total_cell(total: &insights::matrix::Total, lang: Lang) -> String {
        tr_args(
            lang,
            "report-total-cell",
            &[
                ("passed", total.passed.to_string()),
                ("started", total.started.to_string()),
            ],
        )
    }

    /// The share of `learners` who passed each module.
    fn passed_chart<'a>(
        modules: impl Iterator<Item = &'a Module>,
        totals: &[insights::matrix::Total],
        learners: usize,
        lang: Lang,
    ) -> Chart {
        let count = learners.max(1) as f64;
        Chart {
            heading: tr(lang, "report-chart-passed"),
            bars: modules
                .zip(totals)
                .map(|(m, t)| Bar {
                    label: title_of(m, lang),
                    value: 100.0 * t.passed as f64 / count,
                    compare: None,
                })
                .collect(),
            legend: None,
        }
    }

    fn module_of<'a>(catalog: &'a Catalog, query: &ReportQuery) -> Result<&'a Module, AppError> {
        catalog.module(&query.module).ok_or(AppError::NotFound)
    }

    fn objective_text(module: &Module, id: &str, lang: Lang) -> String {
        module
            .objective(id)
            .and_then(|o| o.text(lang.code()))
            .unwrap_or(id)
            .to_string()
    }

    async fn questions(
        db: &DatabaseConnection,
        catalog: &Catalog,
        query: &ReportQuery,
        cohorts: &[i64],
        name: &str,
        lang: Lang,
    ) -> Result<Report, AppError> {
        let module = module_of(catalog, query)?;
        let quiz = module.quiz.as_ref().ok_or(AppError::NotFound)?;
        let analysis = insights::questions::questions(db, module, who(query, cohorts))
            .await
            .map_err(internal)?;
        let header = [
            "report-question",
            "report-objective",
            "report-answered",
            "report-right",
            "report-top-wrong",
        ]
        .map(|k| tr(lang, k))
        .to_vec();
        let rows = analysis
            .questions
            .iter()
            .zip(&quiz.questions)
            .map(|(figures, question)| {
                let text = question.texts.get(lang.code());
                let stem = text.map(|t| t.stem_text.clone()).unwrap_or_default();
                let top_wrong = figures
                    .top_wrong
                    .and_then(|(option, n)| {
                        let label = text?.options.get(option)?.text.clone();
                        Some(tr_args(
                            lang,
                            "report-top-wrong-cell",
                            &[("option", label), ("count", n.to_string())],
                        ))
                    })
                    .unwrap_or_default();
                let share = figures
                    .share_right
                    .map(|s| percent(100.0 * s, lang))
                    .unwrap_or_default();
                vec![
                    cell(stem),
                    cell(objective_text(module, &figures.objective, lang)),
                    cell(figures.answered.to_string()),
                    ReportCell {
                        state: figures.share_right.map(|s| level(s).into()),
                        ..cell(share)
                    },
                    cell(top_wrong),
                ]
            })
            .collect();
        let objective_rows = analysis
            .objectives
            .iter()
            .map(|o| {
                vec![
                    cell(objective_text(module, &o.id, lang)),
                    cell(o.answered.to_string()),
                    cell(
                        o.share_right
                            .map(|s| percent(100.0 * s, lang))
                            .unwrap_or_default(),
                    ),
                ]
            })
            .collect();
        let question_bars = analysis
            .questions
            .iter()
            .enumerate()
            .filter_map(|(i, q)| {
                Some(Bar {
                    label: tr_args(lang, "report-question-n", &[("n", (i + 1).to_string())]),
                    value: 100.0 * q.share_right?,
                    compare: None,
                })
            })
            .collect();
        let objective_bars = analysis
            .objectives
            .iter()
            .filter_map(|o| {
                Some(Bar {
                    label: objective_text(module, &o.id, lang),
                    value: 100.0 * o.share_right?,
                    compare: None,
                })
            })
            .collect();
        Ok(Report {
            title: tr_args(
                lang,
                "report-questions-title",
                &[
                    ("cohort", name.to_string()),
                    ("module", title_of(module, lang)),
                ],
            ),
            back: back(query, name),
            modules: module_links(catalog, query, lang, |m| m.quiz.is_some()),
            summary: vec![(
                tr(lang, "report-first-answers"),
                tr(lang, "report-first-answers-why"),
            )],
            charts: vec![
                Chart {
                    heading: tr(lang, "report-chart-questions"),
                    bars: question_bars,
                    legend: None,
                },
                Chart {
                    heading: tr(lang, "report-chart-objectives"),
                    bars: objective_bars,
                    legend: None,
                },
            ],
            tables: vec![
                ReportTable {
                    heading: tr(lang, "report-questions-table"),
                    header,
                    rows,
                    footer: Vec::new(),
                },
                ReportTable {
                    heading: tr(lang, "report-objectives-table"),
                    header: ["report-objective", "report-answers", "report-right"]
                        .map(|k| tr(lang, k))
                        .to_vec(),
                    rows: objective_rows,
                    footer: Vec::new(),
                },
            ],
            csv_href: csv_href(query, lang),
            filter: None,
        })
    }

    /// A share's colour band: what to teach again (under 50 %), to watch, or known.
    fn level(share: f64) -> &'static str {
        if share < 0.5 {
            "low"
        } else if share < 0.75 {
            "mid"
        } else {
            "high"
        }
    }

    async fn gain(
        db: &DatabaseConnection,
        catalog: &Catalog,
        query: &ReportQuery,
        cohorts: &[i64],
        name: &str,
        lang: Lang,
    ) -> Result<Report, AppError> {
        let module = module_of(catalog, query)?;
        // All cohorts at once: figures only, no list of thousands of names.
        let learners = if query.cohort == "all" {
            Vec::new()
        } else {
            insights::learners(db, cohorts).await.map_err(internal)?
        };
        let g = insights::gain::gain(db, module, who(query, cohorts), learners)
            .await
            .map_err(|e| match e {
                insights::Error::NotFound => AppError::NotFound,
                other => internal(other),
            })?;
        let score = |v: Option<f64>| v.map(|v| decimal(v, lang)).unwrap_or_else(|| "—".into());
        let share = |v: Option<f64>| {
            v.map(|v| percent(100.0 * v, lang))
                .unwrap_or_else(|| "—".into())
        };
        let summary = vec![
            (tr(lang, "report-both-tests"), g.both.to_string()),
            (tr(lang, "report-mean-before"), score(g.before)),
            (tr(lang, "report-mean-after"), score(g.after)),
            (tr(lang, "report-gain"), score(g.gain())),
        ];
        let objective_rows = g
            .objectives
            .iter()
            .map(|o| {
                vec![
                    cell(objective_text(module, &o.id, lang)),
                    cell(share(o.before)),
                    cell(share(o.after)),
                ]
            })
            .collect();
        let group_rows = g
            .groups
            .iter()
            .map(|grp| {
                let hidden = grp.before.is_none();
                vec![
                    cell(tr(lang, &format!("affiliation-{}", grp.affiliation))),
                    cell(grp.learners.to_string()),
                    cell(if hidden {
                        tr(lang, "report-group-hidden")
                    } else {
                        score(grp.before)
                    }),
                    cell(if hidden {
                        String::new()
                    } else {
                        score(grp.after)
                    }),
                ]
            })
            .collect();
        let learner_rows = g
            .learners
            .iter()
            .map(|l| {
                let n = |v: Option<u8>| {
                    v.map(|v| percent(f64::from(v), lang))
                        .unwrap_or_else(|| "—".into())
                };
                vec![
                    cell(l.learner.name.clone()),
                    cell(n(l.before)),
                    cell(n(l.after)),
                    cell(
                        l.gain()
                            .map(|d| format!("{d:+}"))
                            .unwrap_or_else(|| "—".into()),
                    ),
                ]
            })
            .collect();
        let bars = g
            .objectives
            .iter()
            .map(|o| Bar {
                label: objective_text(module, &o.id, lang),
                value: 100.0 * o.before.unwrap_or(0.0),
                compare: Some(100.0 * o.after.unwrap_or(0.0)),
            })
            .collect();
        let before_after = (tr(lang, "report-before"), tr(lang, "report-after"));
        Ok(Report {
            title: tr_args(
                lang,
                "report-gain-title",
                &[
                    ("cohort", name.to_string()),
                    ("module", title_of(module, lang)),
                ],
            ),
            back: back(query, name),
            modules: module_links(catalog, query, lang, |m| {
                m.quiz.is_some() && m.pretest.is_some()
            }),
            summary,
            charts: vec![
                Chart {
                    heading: tr(lang, "report-chart-gain"),
                    bars,
                    legend: Some(before_after.clone()),
                },
                Chart {
                    heading: tr(lang, "report-chart-groups"),
                    // Only the groups large enough to show.
                    bars: g
                        .groups
                        .iter()
                        .filter_map(|grp| {
                            Some(Bar {
                                label: tr(lang, &format!("affiliation-{}", grp.affiliation)),
                                value: grp.before?,
                                compare: grp.after,
                            })
                        })
                        .collect(),
                    legend: Some(before_after.clone()),
                },
            ],
            tables: vec![
                ReportTable {
                    heading: tr(lang, "report-objectives-table"),
                    header: vec![
                        tr(lang, "report-objective"),
                        before_after.0.clone(),
                        before_after.1.clone(),
                    ],
                    rows: objective_rows,
                    footer: Vec::new(),
                },
                ReportTable {
                    heading: tr(lang, "report-groups-table"),
                    header: [
                        "report-affiliation",
                        "report-learners",
                        "report-before",
                        "report-after",
                    ]
                    .map(|k| tr(lang, k))
                    .to_vec(),
                    rows: group_rows,
                    footer: Vec::new(),
                },
                ReportTable {
                    heading: tr(lang, "report-learners-table"),
                    header: [
                        "report-learner",
                        "report-before",
                        "report-after",
                        "report-gain",
                    ]
                    .map(|k| tr(lang, k))
                    .to_vec(),
                    rows: learner_rows,
                    footer: Vec::new(),
                },
            ],
            csv_href: csv_href(query, lang),
            filter: None,
        })
    }

    async fn learner(
        db: &DatabaseConnection,
        catalog: &Catalog,
        caller: &accounts::Caller,
        query: &ReportQuery,
        cohorts: &[i64],
        name: &str,
        lang: Lang,
    ) -> Result<Report, AppError> {
        use learning::entity::{quiz_answer, quiz_attempt};
        let cohort = *cohorts.first().ok_or(AppError::NotFound)?;
        if query.cohort == "all" {
            return Err(AppError::NotFound);
        }
        caller.require_manager_of(db, cohort, query.account).await?;
        let who = insights::learners(db, cohorts)
            .await
            .map_err(internal)?
            .into_iter()
            .find(|l| l.account_id == query.account)
            .ok_or(AppError::NotFound)?;
        let overview = learning::progress::overview(db, catalog, query.account).await?;
        let progress_rows = catalog
            .modules()
            .iter()
            .zip(&overview)
            .map(|(m, p)| {
                vec![
                    cell(title_of(m, lang)),
                    cell(format!("{} / {}", p.lessons_read.len(), p.lessons_total)),
                    cell(
                        p.pretest_score
                            .map(|s| percent(f64::from(s), lang))
                            .unwrap_or_else(|| "—".into()),
                    ),
                    cell(
                        p.best_score
                            .map(|s| percent(f64::from(s), lang))
                            .unwrap_or_else(|| "—".into()),
                    ),
                ]
            })
            .collect();
        let attempts = quiz_attempt::Entity::find()
            .filter(quiz_attempt::Column::AccountId.eq(query.account))
            .order_by_asc(quiz_attempt::Column::SubmittedAt)
            .all(db)
            .await
            .map_err(internal)?;
        let ids: Vec<i64> = attempts.iter().map(|a| a.id).collect();
        let answers = quiz_answer::Entity::find()
            .filter(quiz_answer::Column::AttemptId.is_in(ids))
            .order_by_asc(quiz_answer::Column::AttemptId)
            .order_by_asc(quiz_answer::Column::Position)
            .all(db)
            .await
            .map_err(internal)?;
        let mut answer_rows = Vec::new();
        for attempt in &attempts {
            let module = catalog.module(&attempt.module);
            let kind = QuizKind::parse(&attempt.kind);
            let quiz = module.zip(kind).and_then(|(m, k)| m.quiz_of(k));
            let test = tr(
                lang,
                if attempt.kind == "pretest" {
                    "report-pretest"
                } else {
                    "report-quiz"
                },
            );
            for answer in answers.iter().filter(|a| a.attempt_id == attempt.id) {
                let question =
                    quiz.and_then(|q| q.questions.iter().find(|x| x.id == answer.question));
                let text = question.and_then(|q| q.texts.get(lang.code()));
                let chosen: Vec<String> = answer
                    .chosen
                    .split(',')
                    .filter_map(|p| p.trim().parse::<usize>().ok())
                    .map(|p| {
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
                    ReportCell {
                        state: Some(if answer.is_right { "high" } else { "low" }.into()),
                        ..cell(tr(
                            lang,
                            if answer.is_right {
                                "report-answer-right"
                            } else {
                                "report-answer-wrong"
                            },
                        ))
                    },
                ]);
            }
        }
        Ok(Report {
            title: tr_args(
                lang,
                "report-learner-title",
                &[("name", who.name.clone()), ("cohort", name.to_string())],
            ),
            back: back(query, name),
            modules: Vec::new(),
            summary: vec![(tr(lang, "report-attempts"), attempts.len().to_string())],
            charts: Vec::new(),
            tables: vec![
                ReportTable {
                    heading: tr(lang, "report-progress-table"),
                    header: [
                        "report-module",
                        "report-lessons-read",
                        "report-pretest",
                        "report-best",
                    ]
                    .map(|k| tr(lang, k))
                    .to_vec(),
                    rows: progress_rows,
                    footer: Vec::new(),
                },
                ReportTable {
                    heading: tr(lang, "report-answers-table"),
                    header: [
                        "report-module",
                        "report-test",
                        "report-score",
                        "report-question",
                        "report-answer",
                        "report-result",
                    ]
                    .map(|k| tr(lang, k))
                    .to_vec(),
                    rows: answer_rows,
                    footer: Vec::new(),
                },
            ],
            csv_href: csv_href(query, lang),
            filter: None,
        })
    }

    /// The attendance sheet: each learner × each in-person session, in date order, with the
    /// sessions each attended and how many came to each session. One cohort only.
    async fn attendance(
        db: &DatabaseConnection,
        query: &ReportQuery,
        cohorts: &[i64],
        name: &str,
        lang: Lang,
    ) -> Result<Report, AppError> {
        let (false, [cohort]) = (query.cohort == "all", cohorts) else {
            return Err(AppError::NotFound);
        };
        let mut sessions = accounts::cohorts::attendance(db, *cohort).await?;
        sessions.reverse();
        let learners = insights::learners(db, cohorts).await.map_err(internal)?;
        let mut header = vec![tr(lang, "report-learner")];
        header.extend(
            sessions
                .iter()
                .map(|s| format!("{} · {}", s.held_on, s.topic)),
        );
        header.push(tr(lang, "report-attended"));
        let rows = learners
            .iter()
            .map(|l| {
                let mut cells = vec![cell(l.name.clone())];
                let mut attended = 0;
                for session in &sessions {
                    let here = session.present.contains(&l.account_id);
                    attended += usize::from(here);
                    cells.push(ReportCell {
                        state: Some(if here { "high" } else { "low" }.into()),
                        ..cell(tr(
                            lang,
                            if here {
                                "report-present"
                            } else {
                                "report-absent"
                            },
                        ))
                    });
                }
                cells.push(cell(format!("{attended} / {}", sessions.len())));
                cells
            })
            .collect();
        // Only the cohort's current learners count: someone moved out is not "present".
        let present_now = |s: &accounts::cohorts::SessionRow| {
            learners
                .iter()
                .filter(|l| s.present.contains(&l.account_id))
                .count()
        };
        let mut footer = vec![tr(lang, "report-total")];
        footer.extend(sessions.iter().map(|s| {
            tr_args(
                lang,
                "report-present-count",
                &[("count", present_now(s).to_string())],
            )
        }));
        footer.push(String::new());
        let count = learners.len().max(1) as f64;
        let chart = Chart {
            heading: tr(lang, "report-chart-attendance"),
            bars: sessions
                .iter()
                .map(|s| Bar {
                    label: format!("{} · {}", s.held_on, s.topic),
                    value: 100.0 * present_now(s) as f64 / count,
                    compare: None,
                })
                .collect(),
            legend: None,
        };
        Ok(Report {
            title: tr_args(
                lang,
                "report-attendance-title",
                &[("cohort", name.to_string())],
            ),
            back: back(query, name),
            modules: Vec::new(),
            summary: vec![
                (tr(lang, "report-sessions"), sessions.len().to_string()),
                (tr(lang, "report-learners"), learners.len().to_string()),
            ],
            charts: if sessions.is_empty() {
                Vec::new()
            } else {
                vec![chart]
            },
            tables: vec![ReportTable {
                heading: tr(lang, "report-attendance-table"),
                header,
                rows,
                footer,
            }],
            csv_href: csv_href(query, lang),
            filter: None,
        })
    }

    fn internal(e: impl std::fmt::Display) -> AppError {
        AppError::internal(e)
    }

    /// Every table of the report as CSV rows: a heading line, the header, the rows, the
    /// footer, and a blank line between tables.
    pub fn csv_rows(report: &Report) -> Vec<Vec<String>> {
        let mut rows = vec![vec![report.title.clone()]];
        for (label, value) in &report.summary {
            rows.push(vec![label.clone(), value.clone()]);
        }
        for table in &report.tables {
            rows.push(Vec::new());
            rows.push(vec![table.heading.clone()]);
            rows.push(table.header.clone());
            rows.extend(
                table
                    .rows
                    .iter()
                    .map(|r| r.iter().map(|c| c.text.clone()).collect()),
            );
            if !table.footer.is_empty() {
                rows.push(table.footer.clone());
            }
        }
        rows
    }
}
