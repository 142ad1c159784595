"""The learner's own answers: choosing a pseudonym, and "Download my answers"."""

from __future__ import annotations

import ipywidgets as ipw

from workbook.answers import AnswerStore, AnswersError
from workbook.plainwords import how_many
from workbook.widgets._common import _esc, _feedback_html, _notice_html, _open_store


class PseudonymChooser(ipw.VBox):
    """Choose a pseudonym once. Type into `name`, then ``save_button.click()``; see `status`."""

    def __init__(self, store: AnswerStore | None = None) -> None:
        self.store, notice = _open_store(store)
        self.name = ipw.Text(description="Pseudonym", placeholder="a made-up name, not your real one")
        self.save_button = ipw.Button(description="Save my pseudonym", button_style="primary")
        self.status = ipw.HTML(_notice_html(notice))
        self.save_button.on_click(lambda _: self.save())
        super().__init__([
            ipw.HTML('<p>Choose a pseudonym: a made-up name your teacher will recognise, '
                     "not your real name. You choose it once; it keeps your answers together.</p>"),
            ipw.HBox([self.name, self.save_button]), self.status,
        ])
        self._show_current()

    def _show_current(self) -> None:
        current = self.store.pseudonym if self.store is not None else None
        if current:
            self.name.value = current
            self.name.disabled = True
            self.save_button.disabled = True
            self.status.value += _feedback_html(True, f"Your pseudonym is “{current}”. Your answers are saved under it.")

    def save(self) -> None:
        if self.store is None:
            return
        try:
            self.store.set_pseudonym(self.name.value)
        except AnswersError as error:
            self.status.value = _feedback_html(False, str(error))
            return
        self.status.value = ""
        self._show_current()


def pseudonym_chooser(store: AnswerStore | None = None) -> PseudonymChooser:
    """The pseudonym chooser (see `PseudonymChooser`)."""
    return PseudonymChooser(store)


class DownloadButton(ipw.VBox):
    """Links that download the learner's answers as JSON and CSV, straight from the browser.

    The files are inside the links (``data:`` URLs), so no server is needed: it
    works on Binder. The links are renewed after every saved answer and by
    ``refresh_button.click()``.
    """

    def __init__(self, store: AnswerStore | None = None) -> None:
        self.store, notice = _open_store(store)
        self.links = ipw.HTML()
        self.refresh_button = ipw.Button(description="Update my download", tooltip="Include every answer saved so far")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.notice = notice
        super().__init__([self.links, self.refresh_button])
        if self.store is not None:
            self.store.listeners.append(self._on_saved)
        self.refresh()

    def _on_saved(self, _row_id: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        if self.store is None:
            self.links.value = _notice_html(self.notice)
            return
        count = len(self.store)
        who = self.store.pseudonym
        warning = "" if who else " Choose a pseudonym first (start notebook) so your teacher knows whose answers these are."
        style = ("display:inline-block;margin:4px 8px 4px 0;padding:6px 12px;background:#1F4E79;color:#FFFFFF;"
                 "border-radius:4px;text-decoration:none;font-weight:bold")
        self.links.value = (
            _notice_html(self.notice)
            + f'<div>'
            f'<a class="wb-download" download="{_esc(self.store.download_name("json"))}" href="{self.store.data_url("json")}" '
            f'style="{style}">Download my answers (JSON)</a>'
            f'<a class="wb-download" download="{_esc(self.store.download_name("csv"))}" href="{self.store.data_url("csv")}" '
            f'style="{style}">Download my answers (CSV)</a>'
            f"<br>{how_many(count, 'answer')} saved{(' for ' + _esc(who)) if who else ''}.{_esc(warning)} "
            "Hand the JSON file to your teacher.</div>"
        )


def download_button(store: AnswerStore | None = None) -> DownloadButton:
    """The "download my answers" links (see `DownloadButton`)."""
    return DownloadButton(store)

