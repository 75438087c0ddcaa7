package cn.lyg.xilian.core.mail;

import java.util.List;

/** Email addresses of the people alerts go to. */
public interface ContactDirectory {

    /** The contacts of a unit; empty when none is known (its alerts then stay pending). */
    List<String> unitContacts(String unitId);

    /** The coordinators of 市发改委. */
    List<String> coordinators();

    /** Operations (the stack's OpsEmail): warnings about the system itself, e.g. a missing holiday calendar. */
    default List<String> operations() {
        return List.of();
    }
}
