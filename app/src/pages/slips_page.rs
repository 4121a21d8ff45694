use crate::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::loaded::loaded;
use crate::i18n::t;
use crate::serverfns::cohorts::{ClearSlips, get_slips};

/// `/slips`: the sheet of slips to print on A4 and cut, one per person, with the username and
/// one-time code. Shown until the trainer clears it; the codes are kept nowhere else.
#[component]
pub fn SlipsPage() -> impl IntoView {
    let slips = Resource::new(|| (), |_| get_slips());
    let clear = ServerAction::<ClearSlips>::new();
    view! {
        <PageTitle text=t("slips-title") />
        <div class="no-print">
            <h1>{t("slips-title")}</h1>
            <p>{t("slips-intro")}</p>
        </div>
        {loaded(
            slips,
            move |sheet| {
                let address = sheet.address;
                view! {
                    <ul class="slips">
                        {sheet
                            .slips
                            .into_iter()
                            .map(|s| {
                                let address = address.clone();
                                view! {
                                    <li class="slip">
                                        <p class="slip-site">{t("site-name")}</p>
                                        <p class="slip-name">{s.display_name}</p>
                                        <p>
                                            {t("username-label")} ": "
                                            <strong class="slip-username">{s.username}</strong>
                                        </p>
                                        <p>
                                            {t("slip-code-label")} ": "
                                            <strong class="slip-code">{s.code}</strong>
                                        </p>
                                        <p>
                                            {t("slip-address-label")} ": "
                                            <strong class="slip-address">{address}</strong>
                                        </p>
                                        <p class="slip-help">{t("slip-help")}</p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            },
        )}
        <div class="no-print">
            <ActionForm action=clear>
                <button type="submit" class="button">
                    {t("slips-clear")}
                </button>
            </ActionForm>
        </div>
    }
}
