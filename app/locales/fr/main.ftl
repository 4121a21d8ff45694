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
