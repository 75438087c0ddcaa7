package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.alert.Light;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * The board as of a date: the filtered and sorted rows, the completion chart over the same rows and the
 * count per light.
 *
 * @param scopeUnitId the only unit whose pairs are shown (a unit's own view or the unit filter); null for all
 */
public record Board(LocalDate asOf, BoardQuery query, @Nullable String scopeUnitId, List<BoardRow> rows,
                    List<FieldBar> fieldBars, int red, int yellow, int green) {

    public Board {
        rows = List.copyOf(rows);
        fieldBars = List.copyOf(fieldBars);
    }

    public int count(Light light) {
        return switch (light) {
            case RED -> red;
            case YELLOW -> yellow;
            case GREEN -> green;
        };
    }
}
