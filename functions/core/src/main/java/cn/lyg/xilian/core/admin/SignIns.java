package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.access.Principal;

import java.time.Clock;

/** Notes a unit's sign-in with a link on its profile (单位与账号管理 shows the last one); coordinators are not noted. */
public class SignIns {

    private final Directory store;
    private final Clock clock;

    public SignIns(Directory store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The caller makes sure a failure here never fails the sign-in itself. */
    public void signedIn(Principal who) {
        if (!who.coordinator() && who.unitId() != null) {
            store.markSignedIn(who.unitId(), clock.instant());
        }
    }
}
