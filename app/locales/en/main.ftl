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
glossary-label = Glossary
module-glossary = The module’s words and acronyms:
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
current-password-label = Current password
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
account-kept-title = How long we keep your data
account-kept-inactive = { $days ->
    [one] If you do not sign in for 1 day, your account is anonymised: your name, username and password are erased. Your results stay in the course figures, without your name.
   *[other] If you do not sign in for { $days } days, your account is anonymised: your name, username and password are erased. Your results stay in the course figures, without your name.
}
account-kept-forever = Your account is kept until an administrator deletes it. Deletion erases your name, username and password.
account-kept-admin = An administrator's account is kept until another administrator deletes it.
account-kept-audit = { $days ->
    [one] The account history keeps each event for 1 day.
   *[other] The account history keeps each event for { $days } days.
}
account-kept-sessions = { $hours ->
    [one] A session closes after 1 hour with no activity.
   *[other] A session closes after { $hours } hours with no activity.
}
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
audit-cohort-changed = Cohort changed
audit-cohort-archived = Cohort archived
audit-cohort-reopened = Cohort reopened
audit-trainer-added = Trainer added
audit-attendance-recorded = Attendance recorded
audit-learner-moved = Learner moved
audit-sign-in-failed = Sign-in refused (wrong password)
audit-sign-in-locked = Sign-ins blocked after too many tries
audit-certificate-revoked = Certificate revoked
audit-account-expired = Account anonymised (no sign-in for the set period)
audit-retention-changed = Retention periods changed
admin-retention = How long data is kept
admin-retention-intro = An account that is no longer used is anonymised: its name, username and password are erased. Its results stay in the course figures, with no name. Administrator accounts are never anonymised this way.
admin-retention-inactive-on = { $days ->
    [one] An account with no sign-in for 1 day is anonymised.
   *[other] An account with no sign-in for { $days } days is anonymised.
}
admin-retention-inactive-off = Off: no account is anonymised for being unused.
admin-retention-audit = { $days ->
    [one] The log keeps each event for 1 day.
   *[other] The log keeps each event for { $days } days.
}
admin-retention-inactive-label = Anonymise an account with no sign-in after (days)
admin-retention-inactive-hint = From 30 to 3650 days. Leave empty or enter 0 to never anonymise.
admin-retention-audit-label = Keep the log for (days)
admin-retention-audit-hint = From 30 to 3650 days.
admin-retention-action = Save the periods
admin-retention-done = The retention periods are saved.
admin-retention-due = { $count ->
    [0] At the next check (every hour), no account will be anonymised.
    [one] At the next check (every hour), 1 account will be anonymised.
   *[other] At the next check (every hour), { $count } accounts will be anonymised.
}

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

## Certificates
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
certificates-menu = Certificates
certificates-title = My certificates
certificates-none = You have no certificate yet. To earn one, complete a module: read all its lessons and pass its quiz.
certificate-kind-module = Module certificate
certificate-kind-course = Course completion certificate
certificate-score = Score: { $score }%
certificate-number = No.
certificate-revoked-badge = This certificate has been revoked.
certificate-download = Download (PDF)
certificate-download-both = Bilingual PDF
certificate-verify-page = Verification page
certificate-code = Verification code
certificate-code-help = This is the QR code’s code. Send it to whoever must check the certificate: it can be checked even offline.
certificate-code-check = Check this code
module-certificate = Your certificate
verify-title = Verify a certificate
verify-intro = Anyone can verify a certificate, without an account: by its number, or by the code in its QR code.
verify-number-heading = By number
verify-number-label = Certificate number (for example K7QF-9M2X-HT)
verify-number-submit = Check the number
verify-valid = Certificate { $number } is valid.
verify-revoked = Certificate { $number } was revoked on { $date }. It is no longer valid.
verify-unknown = No certificate has the number { $number }. Check the number.
verify-name = Name
verify-module = Module
verify-date = Date
verify-issuer = Issued by
verify-code-heading = By the QR code’s code
verify-code-help = Scan the certificate’s QR code, or copy the printed code. The check runs on your phone, even offline, once the page has loaded.
verify-code-label = Certificate code
verify-code-submit = Check the code
code-valid = The code is genuine: the platform signed it and it has not been changed.
code-valid-note = The code does not say whether the certificate was revoked since. With a connection, check the number too.
code-revoked = The code is genuine, but the certificate has been revoked.
code-tampered = This code is not genuine: it was changed, or it does not come from this platform.
code-malformed = This text is not a certificate code. Copy all of it.
code-checked-offline = Checked on this device, without contacting the server.
revoke-heading = Revoke this certificate
revoke-reason = Reason for revoking
revoke-submit = Revoke
cohort-certificates = The group’s certificates
cohort-certificates-pdf = Download all certificates (one PDF to print)
cohort-certificates-none = No member of the group has a certificate yet.
problem-too-many-lookups = Too many checks in a short time. Wait a minute, then try again.
problem-reason-missing = Write the reason for revoking.
problem-already-revoked = This certificate is already revoked.

## Trainer reports
report-links = The cohort's reports
report-progress-link = Learners' progress
report-questions-link = Questions: { $module }
report-gain-link = Before / after: { $module }
report-all-progress = Progress of all cohorts
report-all-cohorts = All cohorts
report-modules = Choose the module
report-progress-title = Progress — { $cohort }
report-questions-title = Question analysis — { $module } — { $cohort }
report-gain-title = Pre-test and quiz — { $module } — { $cohort }
report-learner-title = { $name } — { $cohort }
report-progress-table = Progress by module
report-questions-table = Each question
report-objectives-table = By objective
report-groups-table = By category (naming nobody)
report-learners-table = By learner
report-answers-table = Every answer
report-chart-passed = Share of learners who passed each module
report-chart-questions = Share of right answers to each question
report-chart-objectives = Share of right answers by objective
report-chart-gain = Right answers by objective, before and after
report-csv = Download as CSV (spreadsheet)
report-learner = Learner
report-learners = Learners
report-affiliation = Category
report-module = Module
report-objective = Objective
report-question = Question
report-question-n = Question { $n }
report-answered = Answered
report-answers = Answers
report-right = Right answers
report-top-wrong = Most common mistake
report-top-wrong-cell = { $option } ({ $count })
report-first-answers = Answers counted
report-first-answers-why = Each learner's first answer to each question: it shows what the lessons left unclear.
report-both-tests = Learners who took the pre-test and the quiz
report-mean-before = Mean pre-test score
report-mean-after = Mean score at the first quiz attempt
report-gain = Gain
report-before = Before
report-after = After
report-group-hidden = Fewer than 3 people: not shown
report-state-not-started = Not started
report-state-in-progress = In progress
report-state-passed = Passed
report-total-learners = { $count } learner(s)
report-total-cell = { $passed } passed of { $started } started
report-percent = { $value }%
# The mark between whole and decimal parts in figures: 37.5.
report-decimal-mark = .
report-filter-module = Filter on the module
report-filter-any = All learners
report-filter-state = Who have
report-filter-not-passed = not passed
report-filter-passed = passed
report-filter-in-progress = started without passing
report-filter-not-started = not started
report-sort = Sort by
report-sort-name = Name
report-apply = Show
report-attempts = Attempts
report-lessons-read = Lessons read
report-pretest = Pre-test
report-quiz = Quiz
report-best = Best score
report-test = Test
report-score = Score
report-answer = Answer
report-result = Result
report-answer-right = Right
report-answer-wrong = Wrong
report-cohort = Cohort
report-cohorts-table = By cohort
report-total = Total
problem-date-format = Write the date as YYYY-MM-DD, for example 2027-03-15.
problem-dates-order = The end date comes before the start date.
problem-place-length = The place must be at most 80 characters.
problem-trainer-unknown = No trainer has this username.
problem-module-unknown = This module does not exist.
cohort-settings = Cohort settings
cohort-place = Place
cohort-starts = Start
cohort-ends = End
cohort-modules = Modules followed
cohort-modules-hint = None ticked: the cohort follows every module.
cohort-join-open = Learners may join the cohort with its code
cohort-save = Save
cohort-archived-note = This cohort is archived: nobody can join it any more. Its results stay readable.
cohort-archive = Archive the cohort
cohort-reopen = Reopen the cohort
cohort-trainers = The cohort's trainers
cohort-add-trainer = Add a trainer (username)
cohort-add-trainer-action = Add
attendance-title = Attendance at sessions
attendance-date = Session date
attendance-topic = Topic
attendance-present = Present
attendance-record = Record attendance
attendance-none = No session recorded.
attendance-row = { $date } · { $topic } · { $present } present of { $members }
problem-learner-unknown = No learner has this username.
problem-cohort-archived = This cohort is archived: it takes no new learner.
problem-current-password-wrong = The current password is not right.
problem-date-out-of-range = This date is not possible. Choose a date between 2000 and 2100.
problem-retention-range = A period is a whole number of days, from 30 to 3650.
problem-busy = Many people are signing in right now. Wait a minute, then try again.
cohort-move-learner = Add a learner who already has an account
cohort-move-learner-label = Their username (they leave your other cohorts)
cohort-move-learner-action = Add to the cohort
report-chart-groups = Mean score by category, before and after
attendance-sheet-link = Attendance sheet (table and CSV)
report-attendance-title = Attendance — { $cohort }
report-attendance-table = Who came to each session
report-chart-attendance = Share of learners present at each session
report-attended = Sessions attended
report-present = Present
report-absent = Absent
report-present-count = { $count } present
report-sessions = Sessions

# Listening: the voice reads a lesson, a section, a question (components/listen.rs).
listen-lesson = Listen to the lesson
listen-section = Listen to this part
listen-question = Listen to the question and its answers
listen-scenario = Listen to the case
listen-file = Listen — { $duration }, { $size } KB
listen-file-plain = Listen
listen-minutes = { $minutes } min { $seconds } s
listen-seconds = { $seconds } s
listen-speed = Speed:
listen-in = Listen in { $language }
listen-file-in = Listen in { $language } — { $duration }, { $size } KB
# Languages a trainer may record a lesson in besides the course's (content/README.md).
language-name-bm = Bambara

## Offline use (server/offline/: the service worker and the page script; these texts are in the pages)
app-short-name = Child rights
app-description = Training on child protection in armed conflict, readable with no network.
problem-other-account = These answers were given under another account. They stay on the phone until that account signs in.
offline-banner = You are offline — saved pages only.
outbox-waiting = Not sent yet:
outbox-sign-in = sign in to send
outbox-explain = Not sent yet: your answers are kept on the phone. They will be sent when the network is back.
offline-sent = Your answers were sent.
offline-see-result = See the result
offline-refused = Some answers sent from the phone were not accepted.
offline-see-why = See why
offline-title = Offline
offline-heading = You are offline
offline-text = This page is not saved on the phone. With no network, you can read:
offline-saved-none = No module is saved on this phone. With a network, open a module and tap “Save for offline use”.
offline-home = Back to the home page
offline-save-heading = With no network
offline-save-text = Save this module on the phone: you can then read its lessons and take its quiz with no network.
offline-save = Save for offline use
offline-with-audio = With the audio ({ $size } KB more)
offline-with-audio-plain = With the audio
offline-saving = Saving…
offline-save-failed = Saving did not finish. Try again with a network.
offline-saved = Saved on this phone:
offline-saved-audio = with the audio
offline-remove = Remove from the phone
offline-saved-mark = Saved
offline-sign-out-warning = Some answers have not been sent yet. If you sign out, they will be lost. Sign out anyway?
size-kb = KB
size-mb = MB
