"""Media Literacy Workbook: read opinion articles closely, with tables, charts and exercises.

The chain runs one way: text (`workbook.textio`), then blocks and sentences
(`workbook.blocks`, `workbook.sentences`, `workbook.articles`), then extractions
(`sourcing`, `figures`, `timeline`, `rhetoric`), then tables, charts and widgets.

Importing this package is cheap: ipywidgets is imported only when a widget is
made, and Altair only when a teacher asks for an Altair chart (a lesson's charts
are Vega-Lite specifications that JupyterLab draws itself).
"""

from workbook.articles import Article, article_from_text, load_article, load_articles, load_seeds
from workbook.textio import ArticleError, ArticleWarning

__all__ = [
    "Article",
    "ArticleError",
    "ArticleWarning",
    "article_from_text",
    "load_article",
    "load_articles",
    "load_seeds",
]
__version__ = "0.1.0"
