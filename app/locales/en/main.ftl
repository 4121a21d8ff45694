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
lesson-objectives = In this lesson, you learn to:
module-job-aid = Printable job aid
job-aid-label = Job aid
job-aid-print = To print it, choose “Print” in the browser’s menu. The job aid fits on one A4 page.
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

## Accounts and signing in
account-menu = My account
sign-in-title = Sign in
sign-in-action = Sign in
sign-out-action = Sign out
sign-in-no-account = No account yet?
username-label = Username
username-hint = 3 to 32 characters: plain letters, digits, dot, dash.
password-or-code-label = Password or code
password-or-code-hint = The first time, type the code on your slip.
display-name-label = Display name
display-name-hint = Your name or a pseudonym. It will appear on your certificates.
join-title = Join a course
join-intro = Your trainer gives you a code. No email address is needed.
join-code-label = Course code
join-code-hint = For example: MHX-42P
join-action = Create my account
affiliation-label = You are with
affiliation-hint = Used only for group figures. Nobody is named.
affiliation-fds = Defence and security forces (FDS)
affiliation-armed_movement = An armed movement
affiliation-other = Other
new-password-label = New password
password-hint = At least 8 characters. A short sentence is easy to remember.
confirm-password-label = Type the password again
password-title = Choose a password
password-intro = Choose a password you will remember. Do not give it to anyone.
password-action = Save the password
password-heading = Password
password-change = Change my password
password-done = Your password is saved.
account-title = My account
account-held-title = What the platform keeps about you
account-held-intro = This is everything the platform records about you. You can download it.
account-created = Account created on
account-has-password = Password chosen
account-sessions = Open sessions
account-cohorts = Courses
account-history = Account history
account-download = Download my data
role-label = Role
role-learner = Learner
role-trainer = Trainer
role-admin = Administrator
language-label = Language
yes = yes
no = no

## Trainers
trainer-title = My courses
cohort-members = { $count ->
    [one] 1 learner
   *[other] { $count } learners
}
cohort-create-title = New course
cohort-name-label = Course name
cohort-name-hint = For example: Gao, 2nd battalion, March 2027
cohort-create-action = Create the course
cohort-join-code = Code to join:
cohort-learners = Learners
cohort-password = Access
cohort-code-pending = Code not used yet
cohort-code-used = Password chosen
cohort-new-code = New code
bulk-title = Add learners
bulk-intro = Paste the list of names. Each person gets a username and a one-time code.
bulk-names-label = Names (one per line, or a pasted CSV file)
bulk-names-hint = 200 names at most. A pseudonym is fine.
bulk-action = Create the accounts
slips-title = Slips to print
slips-intro = Print this page and cut out the slips. The codes are no longer shown after "Clear".
slip-code-label = Code
slip-address-label = Address
slip-help = Type this address in the browser. Tap "Sign in", type the username and the code, then choose your password.
slips-clear = Printed: clear the slips

## Administration
admin-title = Administration
admin-accounts = Accounts
admin-delete = Delete
admin-delete-confirm = I confirm
admin-new-trainer = New trainer account
admin-new-trainer-action = Create the account
admin-audit = Account log
audit-when = When
audit-who = Who
audit-what = What
audit-account = Account
audit-cohort = Course
audit-account-created = Account created
audit-joined-with-code = Joined with a code
audit-password-set = Password chosen
audit-code-issued = New code issued
audit-account-deleted = Account deleted
audit-cohort-created = Course created

## Refusals and form errors
sign-in-required-title = Please sign in
sign-in-required-text = Sign in to see this page.
password-change-required-title = Choose a password
password-change-required-text = Choose your password first.
forbidden-title = Access refused
forbidden-text = Your account does not give access to this page.
invalid-title = Request refused
problem-username-format = The username must be 3 to 32 characters: plain letters, digits, dot or dash.
problem-username-taken = This username is taken. Choose another one.
problem-display-name-length = The display name must be 1 to 60 characters.
problem-forbidden-characters = The text holds characters that are not allowed. Type it again.
problem-password-length = The password must be 8 to 128 characters.
problem-passwords-differ = The two passwords are different.
problem-join-code-unknown = This course code does not exist. Check it with your trainer.
problem-bad-credentials = Wrong username or password.
problem-too-many-attempts = Too many tries. Wait a few minutes, then try again.
problem-affiliation-missing = Choose an answer for "You are with".
problem-no-names = The list holds no name.
problem-too-many-names = The list holds more than 200 names. Split it into several lists.
problem-cohort-name-length = The course name must be 1 to 80 characters.
problem-cannot-delete-self = You cannot delete your own account.
problem-confirmation-missing = Tick "I confirm" to delete the account.
problem-bad-input = The form could not be read. Nothing was changed. Try again.
problem-lessons-not-read = First read every lesson of the module. Then the quiz opens.
problem-no-attempts-left = You have used all your attempts at this quiz. Talk to your trainer.
problem-too-soon = The next attempt is not open yet. Come back later.
problem-pretest-closed = The pre-test is taken once, before the quiz.
problem-stale-attempt = This quiz has changed since you opened it. Reload the page. Nothing was saved.
problem-answers-invalid = The answers sent do not match the questions. Nothing was saved. Reload the page.

## Progress
lesson-mark-read = I have read this lesson
lesson-read-already = You have read this lesson.
lesson-read-continue = Continue
lesson-read-mark = ✓ read
module-continue = Continue
module-review = Review the module
progress-not-started = Not started
progress-in-progress = In progress
progress-completed = Completed
progress-percent = { $percent }% done
progress-best-score = best score { $score }%

## Quizzes
quiz-heading = The module quiz
pretest-heading = Before you start: the pre-test
quiz-intro = Answer the questions. You need { $mark }% right answers to pass.
pretest-intro = A few questions to see what you already know. It is not marked.
quiz-attempts-left = { $count ->
    [0] No attempts left
    [one] 1 attempt left
   *[other] { $count } attempts left
}
attempt-line = Attempt { $number }: { $score }%
attempt-done = done
attempt-passed = passed
attempt-failed = not passed
quiz-start = Start the quiz
pretest-start = Take the pre-test
quiz-state-sign-in = Sign in to take the quiz and keep your progress.
quiz-state-open = The quiz is open.
quiz-state-lessons-not-read = Read every lesson: then the quiz opens.
quiz-state-wait = The next attempt opens on { $time }.
quiz-state-no-attempts-left = You have used all your attempts. Talk to your trainer.
quiz-state-closed = The pre-test is closed: it is taken once, before the quiz.
quiz-back-to-module = Back to the module
quiz-attempt-number = Attempt { $number }
quiz-question-position = Question { $number } of { $total }
quiz-tick-all = Tick every right answer.
quiz-previous = Previous question
quiz-next = Next question
quiz-submit = Send my answers
quiz-sending = Sending…
result-score = Your score: { $score }%
result-right = { $right } right answer(s) out of { $total }
result-passed = Well done, you passed! You needed { $mark }%.
result-failed = Not passed yet. You need { $mark }%. Read the lessons again and try again.
result-pretest = Pre-test done. Now read the lessons.
result-answers-later = The right answers will show later, as the module's rule says.
result-try-again = Try again
result-question-right = Right answer
result-question-wrong = Wrong answer
result-your-answer = (your answer)
result-right-answer = ✓ right answer
result-source = Source:
result-objective = To review:
