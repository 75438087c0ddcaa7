package cn.lyg.xilian.web;

/** catalog.jte: the published plan by section and by unit (public). */
public record CatalogPage(Layout layout) implements PageModel, Framed {
}
