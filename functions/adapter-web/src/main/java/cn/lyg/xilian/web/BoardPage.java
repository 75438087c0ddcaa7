package cn.lyg.xilian.web;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.view.Board;
import cn.lyg.xilian.core.view.BoardQuery;

import java.util.List;

/** board.jte: 进度看板 with its filter form, sort links, field bars and download links. */
public record BoardPage(Layout layout, Board board) implements PageModel, Framed {

    private static final List<Light> LIGHTS = List.of(Light.RED, Light.YELLOW, Light.GREEN);

    public BoardQuery q() {
        return board.query();
    }

    public BoardQuery.Sort[] sorts() {
        return BoardQuery.Sort.values();
    }

    public List<Light> lights() {
        return LIGHTS;
    }

    public Field[] fields() {
        return Field.values();
    }

    /** The unit filter's choices: coordinators only (a unit's board is its own). */
    public List<Unit> units() {
        return who().coordinator() ? plan().units() : List.of();
    }

    /** The board's query string for the download links, "?" included; empty when nothing is filtered. */
    public String qs() {
        String qs = board.query().queryString();
        return qs.isEmpty() ? "" : "?" + qs;
    }
}
