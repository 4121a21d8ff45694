use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificate")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `XXXX-XXXX-XX`, see [`crate::number`].
    #[sea_orm(unique)]
    pub number: String,
    pub account_id: i64,
    pub kind: crate::Kind,
    /// The module's slug, or [`crate::COURSE`].
    pub module: String,
    /// The learner's display name as issued.
    pub name: String,
    /// The module's (or course's) title at issue, by language, as JSON: `{"fr": …, "en": …}`.
    pub titles: String,
    pub score: i16,
    /// The issuing body's name at issue.
    pub issuer: String,
    pub issued_at: i64,
    pub revoked_at: Option<i64>,
    pub revoked_reason: Option<String>,
    pub revoked_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The title in `lang`, else in French, else the slug.
    pub fn title(&self, lang: &str) -> String {
        let titles: std::collections::BTreeMap<String, String> =
            serde_json::from_str(&self.titles).unwrap_or_default();
        titles
            .get(lang)
            .or_else(|| titles.get("fr"))
            .cloned()
            .unwrap_or_else(|| self.module.clone())
    }

    /// The day of issue (UTC, which is Mali's time).
    pub fn date(&self) -> time::Date {
        time::OffsetDateTime::from_unix_timestamp(self.issued_at)
            .map(|t| t.date())
            .unwrap_or(time::Date::MIN)
    }
}
