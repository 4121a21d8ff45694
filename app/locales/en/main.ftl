# Site interface, in English.
language-name = English
site-name = Child rights in armed conflict
site-tagline = Training for Mali’s defence and security forces and armed movements
skip-to-content = Skip to content
switch-language = Change language
home-title = Training modules
home-intro = Choose a module. Read the lessons in order.
module-minutes = { $minutes } min
module-lessons = { $count ->
    [one] 1 lesson
   *[other] { $count } lessons
}
module-open = Open the module
module-start = Start the first lesson
module-lessons-heading = Lessons
lesson-position = Lesson { $number } of { $total }
lesson-sources = Sources
lesson-previous = Previous lesson
lesson-next = Next lesson
lesson-back-to-module = Back to the module
lesson-pager = Lesson navigation
breadcrumb = Breadcrumb
breadcrumb-home = Home
loading = Loading…
not-found-title = Page not found
not-found-text = This page does not exist or has moved.
error-title = Something went wrong
error-text = The server could not answer. Please try again in a moment.
back-home = Back to the home page
footer-text = Training platform on child protection in armed conflict.
