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
