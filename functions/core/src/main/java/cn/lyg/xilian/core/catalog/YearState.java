package cn.lyg.xilian.core.catalog;

/**
 * Where a loaded plan year stands ({@link PlanYears#state}): units report on an {@link #ACTIVE} or {@link #CLOSING}
 * year and the jobs run for it; an {@link #ARCHIVED} year is read-only and its jobs send nothing.
 */
public enum YearState {
    /** The plan's own year (or a later plan already loaded). */
    ACTIVE("进行中"),
    /** From 1 January of the next year until the close-out end: final reports of the year are still taken. */
    CLOSING("收尾"),
    /** After the close-out: read-only. */
    ARCHIVED("已归档");

    private final String label;

    YearState(String label) {
        this.label = label;
    }

    /** The word users see. */
    public String label() {
        return label;
    }

    /** Units may still report (and coordinators review) on the year; its jobs run. */
    public boolean open() {
        return this != ARCHIVED;
    }
}
