# Interface du site, en français (langue de référence).
language-name = Français
site-name = Droits de l’enfant dans les conflits armés
site-tagline = Formation pour les forces de défense et de sécurité et les mouvements armés du Mali
skip-to-content = Aller au contenu
switch-language = Changer de langue
home-title = Modules de formation
home-intro = Choisissez un module. Lisez les leçons dans l’ordre.
module-minutes = { $minutes } min
module-lessons = { $count ->
    [one] 1 leçon
   *[other] { $count } leçons
}
module-open = Ouvrir le module
module-start = Commencer la première leçon
module-lessons-heading = Leçons
lesson-position = Leçon { $number } sur { $total }
lesson-sources = Sources
lesson-objectives = Dans cette leçon, vous apprenez à :
module-job-aid = Fiche pratique à imprimer
job-aid-label = Fiche pratique
glossary-label = Glossaire
module-glossary = Les mots et les sigles du module :
job-aid-print = Pour l’imprimer, choisissez « Imprimer » dans le menu du navigateur. La fiche tient sur une page A4.
lesson-previous = Leçon précédente
lesson-next = Leçon suivante
lesson-back-to-module = Retour au module
lesson-pager = Navigation entre les leçons
breadcrumb = Fil d’Ariane
breadcrumb-home = Accueil
loading = Chargement…
not-found-title = Page introuvable
not-found-text = Cette page n’existe pas ou a été déplacée.
error-title = Une erreur est survenue
error-text = Le serveur n’a pas pu répondre. Réessayez dans un moment.
back-home = Retour à l’accueil
footer-text = Plateforme de formation sur la protection de l’enfant dans les conflits armés.

## Comptes et connexion
account-menu = Mon compte
sign-in-title = Se connecter
sign-in-action = Se connecter
sign-out-action = Se déconnecter
sign-in-no-account = Pas encore de compte ?
username-label = Nom d’utilisateur
username-hint = De 3 à 32 caractères : lettres sans accent, chiffres, point, tiret.
password-or-code-label = Mot de passe ou code
password-or-code-hint = La première fois, tapez le code de votre fiche.
display-name-label = Nom affiché
display-name-hint = Votre nom ou un pseudonyme. Il apparaîtra sur vos certificats.
join-title = Rejoindre une formation
join-intro = Votre formateur vous donne un code. Aucune adresse e-mail n’est demandée.
join-code-label = Code de la formation
join-code-hint = Par exemple : MHX-42P
join-action = Créer mon compte
affiliation-label = Vous êtes
affiliation-hint = Sert seulement aux statistiques de groupe. Personne n’est nommé.
affiliation-fds = Forces de défense et de sécurité (FDS)
affiliation-armed_movement = Mouvement armé
affiliation-other = Autre
current-password-label = Mot de passe actuel
new-password-label = Nouveau mot de passe
password-hint = Au moins 8 caractères. Une phrase courte est facile à retenir.
confirm-password-label = Retapez le mot de passe
password-title = Choisir un mot de passe
password-intro = Choisissez un mot de passe que vous retiendrez. Ne le donnez à personne.
password-action = Enregistrer le mot de passe
password-heading = Mot de passe
password-change = Changer de mot de passe
password-done = Votre mot de passe est enregistré.
account-title = Mon compte
account-held-title = Ce que la plateforme garde sur vous
account-held-intro = Voici tout ce que la plateforme enregistre à votre sujet. Vous pouvez le télécharger.
account-created = Compte créé le
account-has-password = Mot de passe choisi
account-sessions = Connexions ouvertes
account-cohorts = Formations
account-history = Historique du compte
account-download = Télécharger mes données
account-kept-title = Combien de temps nous gardons vos données
account-kept-inactive = { $days ->
    [one] Si vous ne vous connectez pas pendant 1 jour, votre compte est anonymisé : votre nom, votre identifiant et votre mot de passe sont effacés. Vos résultats restent dans les chiffres de la formation, sans votre nom.
   *[other] Si vous ne vous connectez pas pendant { $days } jours, votre compte est anonymisé : votre nom, votre identifiant et votre mot de passe sont effacés. Vos résultats restent dans les chiffres de la formation, sans votre nom.
}
account-kept-forever = Votre compte est gardé jusqu’à ce qu’un administrateur le supprime. La suppression efface votre nom, votre identifiant et votre mot de passe.
account-kept-admin = Un compte d’administrateur est gardé jusqu’à ce qu’un autre administrateur le supprime.
account-kept-audit = { $days ->
    [one] L’historique du compte garde chaque événement 1 jour.
   *[other] L’historique du compte garde chaque événement { $days } jours.
}
account-kept-sessions = { $hours ->
    [one] Une connexion se ferme après 1 heure sans activité.
   *[other] Une connexion se ferme après { $hours } heures sans activité.
}
role-label = Rôle
role-learner = Apprenant
role-trainer = Formateur
role-admin = Administrateur
language-label = Langue
yes = oui
no = non

## Formateurs
trainer-title = Mes formations
cohort-members = { $count ->
    [one] 1 apprenant
   *[other] { $count } apprenants
}
cohort-create-title = Nouvelle formation
cohort-name-label = Nom de la formation
cohort-name-hint = Par exemple : Gao, bataillon 2, mars 2027
cohort-create-action = Créer la formation
cohort-join-code = Code pour rejoindre :
cohort-learners = Apprenants
cohort-password = Accès
cohort-code-pending = Code pas encore utilisé
cohort-code-used = Mot de passe choisi
cohort-new-code = Nouveau code
bulk-title = Ajouter des apprenants
bulk-intro = Collez la liste des noms. Chaque personne reçoit un nom d’utilisateur et un code à usage unique.
bulk-names-label = Noms (un par ligne, ou un fichier CSV collé)
bulk-names-hint = 200 noms au plus. Un pseudonyme convient.
bulk-action = Créer les comptes
slips-title = Fiches à imprimer
slips-intro = Imprimez cette page et découpez les fiches. Les codes ne seront plus affichés après « Effacer ».
slip-code-label = Code
slip-address-label = Adresse
slip-help = Tapez cette adresse dans le navigateur. Touchez « Se connecter », tapez le nom d’utilisateur et le code, puis choisissez votre mot de passe.
slips-clear = J’ai imprimé : effacer les fiches

## Administration
admin-title = Administration
admin-accounts = Comptes
admin-delete = Supprimer
admin-delete-confirm = Je confirme
admin-new-trainer = Nouveau compte de formateur
admin-new-trainer-action = Créer le compte
admin-audit = Journal des comptes
audit-when = Quand
audit-who = Qui
audit-what = Quoi
audit-account = Compte
audit-cohort = Formation
audit-account-created = Compte créé
audit-joined-with-code = A rejoint avec un code
audit-password-set = Mot de passe choisi
audit-code-issued = Nouveau code donné
audit-account-deleted = Compte supprimé
audit-cohort-created = Formation créée
audit-cohort-changed = Formation modifiée
audit-cohort-archived = Formation archivée
audit-cohort-reopened = Formation rouverte
audit-trainer-added = Formateur ajouté
audit-attendance-recorded = Présence enregistrée
audit-learner-moved = Apprenant déplacé
audit-sign-in-failed = Connexion refusée (mauvais mot de passe)
audit-sign-in-locked = Connexions bloquées après trop d’essais
audit-certificate-revoked = Certificat révoqué
audit-account-expired = Compte anonymisé (pas de connexion pendant la durée fixée)
audit-retention-changed = Durées de conservation changées
admin-retention = Durée de conservation
admin-retention-intro = Un compte qui ne sert plus est anonymisé : son nom, son identifiant et son mot de passe sont effacés. Ses résultats restent dans les chiffres de la formation, sans nom. Les comptes d’administrateur ne sont jamais anonymisés ainsi.
admin-retention-inactive-on = { $days ->
    [one] Un compte sans connexion pendant 1 jour est anonymisé.
   *[other] Un compte sans connexion pendant { $days } jours est anonymisé.
}
admin-retention-inactive-off = Désactivée : aucun compte n’est anonymisé pour inactivité.
admin-retention-audit = { $days ->
    [one] Le journal garde chaque événement 1 jour.
   *[other] Le journal garde chaque événement { $days } jours.
}
admin-retention-inactive-label = Anonymiser un compte sans connexion après (jours)
admin-retention-inactive-hint = De 30 à 3650 jours. Laissez vide ou mettez 0 pour ne jamais anonymiser.
admin-retention-audit-label = Garder le journal (jours)
admin-retention-audit-hint = De 30 à 3650 jours.
admin-retention-action = Enregistrer les durées
admin-retention-done = Les durées de conservation sont enregistrées.
admin-retention-due = { $count ->
    [0] À la prochaine vérification (chaque heure), aucun compte ne sera anonymisé.
    [one] À la prochaine vérification (chaque heure), 1 compte sera anonymisé.
   *[other] À la prochaine vérification (chaque heure), { $count } comptes seront anonymisés.
}

## Refus et erreurs de formulaire
sign-in-required-title = Connexion nécessaire
sign-in-required-text = Connectez-vous pour voir cette page.
password-change-required-title = Mot de passe à choisir
password-change-required-text = Choisissez d’abord votre mot de passe.
forbidden-title = Accès refusé
forbidden-text = Votre compte ne donne pas accès à cette page.
invalid-title = Demande refusée
problem-username-format = Le nom d’utilisateur doit avoir de 3 à 32 caractères : lettres sans accent, chiffres, point ou tiret.
problem-username-taken = Ce nom d’utilisateur est déjà pris. Choisissez-en un autre.
problem-display-name-length = Le nom affiché doit avoir de 1 à 60 caractères.
problem-forbidden-characters = Le texte contient des caractères non autorisés. Retapez-le.
problem-password-length = Le mot de passe doit avoir de 8 à 128 caractères.
problem-passwords-differ = Les deux mots de passe sont différents.
problem-join-code-unknown = Ce code de formation n’existe pas. Vérifiez-le avec votre formateur.
problem-bad-credentials = Nom d’utilisateur ou mot de passe incorrect.
problem-too-many-attempts = Trop d’essais. Attendez quelques minutes, puis réessayez.
problem-affiliation-missing = Choisissez une réponse pour « Vous êtes ».
problem-no-names = La liste ne contient aucun nom.
problem-too-many-names = La liste contient plus de 200 noms. Coupez-la en plusieurs listes.
problem-cohort-name-length = Le nom de la formation doit avoir de 1 à 80 caractères.
problem-cannot-delete-self = Vous ne pouvez pas supprimer votre propre compte.
problem-confirmation-missing = Cochez « Je confirme » pour supprimer le compte.
problem-bad-input = Le formulaire n’a pas pu être lu. Rien n’a été modifié. Réessayez.
problem-lessons-not-read = Lisez d’abord toutes les leçons du module. Ensuite, le quiz s’ouvre.
problem-no-attempts-left = Vous avez utilisé tous vos essais pour ce quiz. Parlez à votre formateur.
problem-too-soon = Le prochain essai n’est pas encore ouvert. Revenez plus tard.
problem-pretest-closed = Le pré-test se fait une seule fois, avant le quiz.
problem-stale-attempt = Ce quiz a changé depuis son ouverture. Rechargez la page. Rien n’a été enregistré.
problem-answers-invalid = Les réponses envoyées ne correspondent pas aux questions. Rien n’a été enregistré. Rechargez la page.

## Progress
lesson-mark-read = J’ai lu cette leçon
lesson-read-already = Vous avez lu cette leçon.
lesson-read-continue = Continuer
lesson-read-mark = ✓ lue
module-continue = Continuer
module-review = Revoir le module
progress-not-started = Pas commencé
progress-in-progress = En cours
progress-completed = Terminé
progress-percent = { $percent } % fait
progress-best-score = meilleur score { $score } %

## Quizzes
quiz-heading = Le quiz du module
pretest-heading = Avant de commencer : le pré-test
quiz-intro = Répondez aux questions. Il faut { $mark } % de bonnes réponses pour réussir.
pretest-intro = Quelques questions pour voir ce que vous savez déjà. Ce n’est pas noté.
quiz-attempts-left = { $count ->
    [0] Plus aucun essai
    [one] 1 essai restant
   *[other] { $count } essais restants
}
attempt-line = Essai { $number } : { $score } %
attempt-done = fait
attempt-passed = réussi
attempt-failed = pas réussi
quiz-start = Commencer le quiz
pretest-start = Faire le pré-test
quiz-state-sign-in = Connectez-vous pour faire le quiz et garder vos progrès.
quiz-state-open = Le quiz est ouvert.
quiz-state-lessons-not-read = Lisez toutes les leçons : ensuite, le quiz s’ouvre.
quiz-state-wait = Le prochain essai s’ouvre le { $time }.
quiz-state-no-attempts-left = Vous avez utilisé tous vos essais. Parlez à votre formateur.
quiz-state-closed = Le pré-test est fermé : il se fait une seule fois, avant le quiz.
quiz-back-to-module = Retour au module
quiz-attempt-number = Essai { $number }
quiz-question-position = Question { $number } sur { $total }
quiz-tick-all = Cochez toutes les bonnes réponses.
quiz-previous = Question précédente
quiz-next = Question suivante
quiz-submit = Envoyer mes réponses
quiz-sending = Envoi en cours…
result-score = Votre score : { $score } %
result-right = { $right } bonne(s) réponse(s) sur { $total }
result-passed = Bravo, vous avez réussi ! Il fallait { $mark } %.
result-failed = Pas encore réussi. Il faut { $mark } %. Relisez les leçons et réessayez.
result-pretest = Pré-test terminé. Maintenant, lisez les leçons.
result-answers-later = Les bonnes réponses s’afficheront plus tard, selon la règle du module.
result-try-again = Réessayer
result-question-right = Bonne réponse
result-question-wrong = Mauvaise réponse
result-your-answer = (votre réponse)
result-right-answer = ✓ bonne réponse
result-source = Source :
result-objective = À revoir :

## Certificates
date-long = { $day } { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
certificates-menu = Attestations
certificates-title = Mes attestations
certificates-none = Vous n’avez pas encore d’attestation. Pour en obtenir une, terminez un module : lisez toutes ses leçons et réussissez son quiz.
certificate-kind-module = Attestation de module
certificate-kind-course = Attestation de fin de formation
certificate-score = Score : { $score } %
certificate-number = N°
certificate-revoked-badge = Cette attestation a été révoquée.
certificate-download = Télécharger (PDF)
certificate-download-both = PDF bilingue
certificate-verify-page = Page de vérification
certificate-code = Code de vérification
certificate-code-help = C’est le code du QR code. Envoyez-le à qui doit vérifier l’attestation : il se vérifie même sans connexion.
certificate-code-check = Vérifier ce code
module-certificate = Votre attestation
verify-title = Vérifier une attestation
verify-intro = Tout le monde peut vérifier une attestation, sans compte : par son numéro, ou par le code de son QR code.
verify-number-heading = Par le numéro
verify-number-label = Numéro de l’attestation (par exemple K7QF-9M2X-HT)
verify-number-submit = Vérifier le numéro
verify-valid = L’attestation { $number } est valide.
verify-revoked = L’attestation { $number } a été révoquée le { $date }. Elle n’est plus valide.
verify-unknown = Aucune attestation ne porte le numéro { $number }. Vérifiez le numéro.
verify-name = Nom
verify-module = Module
verify-date = Date
verify-issuer = Délivrée par
verify-code-heading = Par le code du QR code
verify-code-help = Scannez le QR code de l’attestation, ou recopiez le code imprimé. La vérification se fait sur votre téléphone, même sans connexion, une fois la page chargée.
verify-code-label = Code de l’attestation
verify-code-submit = Vérifier le code
code-valid = Le code est authentique : il a été signé par la plateforme et n’a pas été modifié.
code-valid-note = Le code ne dit pas si l’attestation a été révoquée depuis. Avec une connexion, vérifiez aussi le numéro.
code-revoked = Le code est authentique, mais l’attestation a été révoquée.
code-tampered = Ce code n’est pas authentique : il a été modifié, ou il ne vient pas de cette plateforme.
code-malformed = Ce texte n’est pas un code d’attestation. Recopiez-le en entier.
code-checked-offline = Vérifié sur cet appareil, sans connexion au serveur.
revoke-heading = Révoquer cette attestation
revoke-reason = Motif de la révocation
revoke-submit = Révoquer
cohort-certificates = Attestations du groupe
cohort-certificates-pdf = Télécharger toutes les attestations (un seul PDF à imprimer)
cohort-certificates-none = Aucun membre du groupe n’a encore d’attestation.
problem-too-many-lookups = Trop de vérifications en peu de temps. Attendez une minute, puis réessayez.
problem-reason-missing = Écrivez le motif de la révocation.
problem-already-revoked = Cette attestation est déjà révoquée.

## Trainer reports
report-links = Les tableaux du groupe
report-progress-link = Progression des apprenants
report-questions-link = Questions : { $module }
report-gain-link = Avant / après : { $module }
report-all-progress = Progression de tous les groupes
report-all-cohorts = Tous les groupes
report-modules = Choisir le module
report-progress-title = Progression — { $cohort }
report-questions-title = Analyse des questions — { $module } — { $cohort }
report-gain-title = Pré-test et quiz — { $module } — { $cohort }
report-learner-title = { $name } — { $cohort }
report-progress-table = Progression par module
report-questions-table = Chaque question
report-objectives-table = Par objectif
report-groups-table = Par catégorie (sans nommer personne)
report-learners-table = Par apprenant
report-answers-table = Toutes les réponses
report-chart-passed = Part des apprenants qui ont réussi chaque module
report-chart-questions = Part de bonnes réponses à chaque question
report-chart-objectives = Part de bonnes réponses par objectif
report-chart-gain = Bonnes réponses par objectif, avant et après
report-csv = Télécharger en CSV (tableur)
report-learner = Apprenant
report-learners = Apprenants
report-affiliation = Catégorie
report-module = Module
report-objective = Objectif
report-question = Question
report-question-n = Question { $n }
report-answered = Ont répondu
report-answers = Réponses
report-right = Bonnes réponses
report-top-wrong = Erreur la plus fréquente
report-top-wrong-cell = { $option } ({ $count })
report-first-answers = Réponses comptées
report-first-answers-why = La première réponse de chaque apprenant à chaque question : elle montre ce que les leçons ont laissé flou.
report-both-tests = Apprenants qui ont fait le pré-test et le quiz
report-mean-before = Score moyen au pré-test
report-mean-after = Score moyen au premier essai du quiz
report-gain = Progrès
report-before = Avant
report-after = Après
report-group-hidden = Moins de 3 personnes : non affiché
report-state-not-started = Pas commencé
report-state-in-progress = En cours
report-state-passed = Réussi
report-total-learners = { $count } apprenant(s)
report-total-cell = { $passed } réussi(s) sur { $started } commencé(s)
report-percent = { $value } %
# Le signe entre partie entière et décimales dans les chiffres : 37,5.
report-decimal-mark = ,
report-filter-module = Filtrer sur le module
report-filter-any = Tous les apprenants
report-filter-state = Qui ont
report-filter-not-passed = pas réussi
report-filter-passed = réussi
report-filter-in-progress = commencé sans réussir
report-filter-not-started = pas commencé
report-sort = Trier par
report-sort-name = Nom
report-apply = Afficher
report-attempts = Tentatives
report-lessons-read = Leçons lues
report-pretest = Pré-test
report-quiz = Quiz
report-best = Meilleur score
report-test = Épreuve
report-score = Score
report-answer = Réponse
report-result = Résultat
report-answer-right = Juste
report-answer-wrong = Faux
report-cohort = Groupe
report-cohorts-table = Par groupe
report-total = Total
problem-date-format = Écrivez la date sous la forme AAAA-MM-JJ, par exemple 2027-03-15.
problem-dates-order = La date de fin vient avant la date de début.
problem-place-length = Le lieu doit faire au plus 80 caractères.
problem-trainer-unknown = Aucun formateur n’a ce nom d’utilisateur.
problem-module-unknown = Ce module n’existe pas.
cohort-settings = Paramètres du groupe
cohort-place = Lieu
cohort-starts = Début
cohort-ends = Fin
cohort-modules = Modules suivis
cohort-modules-hint = Aucun coché : le groupe suit tous les modules.
cohort-join-open = Les apprenants peuvent rejoindre le groupe avec son code
cohort-save = Enregistrer
cohort-archived-note = Ce groupe est archivé : personne ne peut plus le rejoindre. Ses résultats restent consultables.
cohort-archive = Archiver le groupe
cohort-reopen = Rouvrir le groupe
cohort-trainers = Formateurs du groupe
cohort-add-trainer = Ajouter un formateur (nom d’utilisateur)
cohort-add-trainer-action = Ajouter
attendance-title = Présence aux séances
attendance-date = Date de la séance
attendance-topic = Sujet
attendance-present = Présents
attendance-record = Enregistrer la présence
attendance-none = Aucune séance enregistrée.
attendance-row = { $date } · { $topic } · { $present } présent(s) sur { $members }
problem-learner-unknown = Aucun apprenant n’a ce nom d’utilisateur.
problem-cohort-archived = Cette cohorte est archivée : elle ne prend plus d’apprenant.
problem-current-password-wrong = Le mot de passe actuel n’est pas le bon.
problem-date-out-of-range = Cette date n’est pas possible. Choisissez une date entre 2000 et 2100.
problem-retention-range = Une durée est un nombre entier de jours, de 30 à 3650.
problem-busy = Beaucoup de personnes se connectent en ce moment. Attendez une minute, puis réessayez.
cohort-move-learner = Ajouter un apprenant qui a déjà un compte
cohort-move-learner-label = Son nom d’utilisateur (il quitte vos autres groupes)
cohort-move-learner-action = Ajouter au groupe
report-chart-groups = Score moyen par catégorie, avant et après
attendance-sheet-link = Feuille de présence (tableau et CSV)
report-attendance-title = Présence — { $cohort }
report-attendance-table = Qui était là à chaque séance
report-chart-attendance = Part des apprenants présents à chaque séance
report-attended = Séances suivies
report-present = Présent
report-absent = Absent
report-present-count = { $count } présent(s)
report-sessions = Séances

# Listening: the voice reads a lesson, a section, a question (components/listen.rs).
listen-lesson = Écouter la leçon
listen-section = Écouter cette partie
listen-question = Écouter la question et ses réponses
listen-scenario = Écouter le cas
listen-file = Écouter — { $duration }, { $size } Ko
listen-file-plain = Écouter
listen-minutes = { $minutes } min { $seconds } s
listen-seconds = { $seconds } s
listen-speed = Vitesse :
listen-in = Écouter en { $language }
listen-file-in = Écouter en { $language } — { $duration }, { $size } Ko
# Languages a trainer may record a lesson in besides the course's (content/README.md).
language-name-bm = bambara

## Offline use (server/offline/: the service worker and the page script; these texts are in the pages)
app-short-name = Droits de l’enfant
app-description = Formation sur la protection de l’enfant dans les conflits armés, lisible sans réseau.
problem-other-account = Ces réponses ont été données avec un autre compte. Elles restent sur le téléphone jusqu’à ce que ce compte se connecte.
offline-banner = Vous êtes hors connexion — pages enregistrées seulement.
outbox-waiting = Non envoyé :
outbox-sign-in = connectez-vous pour envoyer
outbox-explain = Non envoyé : vos réponses sont gardées sur le téléphone. Elles seront envoyées au retour du réseau.
offline-sent = Vos réponses ont été envoyées.
offline-see-result = Voir le résultat
offline-refused = Des réponses envoyées depuis le téléphone n’ont pas été acceptées.
offline-see-why = Voir pourquoi
offline-title = Hors connexion
offline-heading = Vous êtes hors connexion
offline-text = Cette page n’est pas enregistrée sur le téléphone. Sans réseau, vous pouvez lire :
offline-saved-none = Aucun module n’est enregistré sur ce téléphone. Avec du réseau, ouvrez un module et touchez « Enregistrer pour hors connexion ».
offline-home = Retour à l’accueil
offline-save-heading = Sans réseau
offline-save-text = Enregistrez ce module sur le téléphone : vous pourrez lire ses leçons et faire son quiz sans réseau.
offline-save = Enregistrer pour hors connexion
offline-with-audio = Avec l’audio ({ $size } Ko de plus)
offline-with-audio-plain = Avec l’audio
offline-saving = Enregistrement en cours…
offline-save-failed = L’enregistrement n’a pas abouti. Réessayez avec du réseau.
offline-saved = Enregistré sur ce téléphone :
offline-saved-audio = avec l’audio
offline-remove = Retirer du téléphone
offline-saved-mark = Enregistré
offline-sign-out-warning = Des réponses n’ont pas encore été envoyées. Si vous vous déconnectez, elles seront perdues. Se déconnecter quand même ?
size-kb = Ko
size-mb = Mo
