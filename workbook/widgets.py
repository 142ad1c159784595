"""Interactive pieces for the notebooks: highlighter, explorer, questions, tasks, answers.

API summary (for notebook authors; every function returns a widget you can put
last in a cell, and every widget saves what the learner does at once):

    from workbook import widgets as w

    w.pseudonym_chooser()                 # once, in the start notebook
    w.highlighter(articles)               # one Article or a list of two, side by side
    w.highlighter(articles, categories=["quotes", "rhetoric"])
    w.explorer(articles)                  # pick article + category, filter, see the table
                                          #   and each finding in its sentence and paragraph
    w.question("sourcing-named-sources-000")   # one self-check question by id
    w.questions("sourcing")               # every question of a lesson topic, both texts
    w.questions("sourcing", article=a)    # only the questions about article `a`
    w.reflection("synthesis-evaluate-000")     # a free-text question saved as written
    w.annotation_task("claim-kind", article)   # label sentences; then compare with machine
    w.download_button()                   # "download my answers" (CSV and JSON), works on Binder
    w.teacher_view(paths)                 # a class's downloaded files: distributions, kappa

    w.highlight_html(articles, categories=None) -> str
                                          # the highlighter as a standalone, escaped HTML
                                          # string (for the printable handout)

Question ids, topics and the file format: ``docs/questions-format.md``; the
files are ``workbook/data/questions/*.toml`` and ``workbook/data/tasks/*.toml``.
Lesson topics: start, texts, sourcing, figures, history, rhetoric, synthesis.

Answers go to the SQLite store in `workbook.answers` (``WORKBOOK_ANSWERS_DIR``,
else ``~/workbook-answers/``); reopening a notebook puts saved answers back.
Charts are in `workbook.charts`; the rows the highlighter draws come from
`workbook.findings.findings(article)`.
"""
