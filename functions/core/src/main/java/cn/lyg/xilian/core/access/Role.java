package cn.lyg.xilian.core.access;

/** What a credential lets its holder do. */
public enum Role {
    /** A responsible unit's liaison officer: sees and reports on the unit's own tasks only. */
    UNIT,
    /** 市发改委 coordinators: see every task and every unit's status. */
    COORDINATOR
}
