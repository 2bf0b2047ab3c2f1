"""The File d'attente page's Streamlit parts; the page draws them in this order.

Modules depend one way: `keys` (session state, messages) → `display` → `acting`
(the callbacks that call `act`), `drafts` (the checks under a draft box), `platform`
(the comment on its platform: its link, what an action will do there, what came of it)
→ `corrections` (the Corriger tab) → `filters`, `table`, `tabs`, `history` → `detail`.
"""

from lib.ui.queue.detail import DETAIL_KEY, detail_panel, keep_detail_in_view
from lib.ui.queue.filters import filter_bar, page_picker
from lib.ui.queue.keys import show_flash
from lib.ui.queue.table import (
    bulk_actions,
    comment_table,
    current_comment,
    read_selection,
    stepper,
)

__all__ = ["filter_bar", "page_picker", "show_flash", "comment_table", "bulk_actions"]
__all__ += ["current_comment", "detail_panel", "read_selection", "stepper"]
__all__ += ["DETAIL_KEY", "keep_detail_in_view"]
