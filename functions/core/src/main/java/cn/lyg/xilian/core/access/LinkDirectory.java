package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.catalog.Unit;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the mail path of a sign-in link needs beyond the plan and the contacts (implemented by the directory of
 * 单位与账号管理, {@code core.admin.DirectoryLinks}): coordinator accounts, units registered since the plan was
 * loaded, and the record of a link sent.
 */
public interface LinkDirectory {

    /** A coordinator account a link may be sent to: its own address only. */
    record Coordinator(String accountId, String name, String email) {
    }

    /** The active coordinator account the entry names (an account id); empty for anything else. */
    Optional<Coordinator> coordinator(String entered);

    /** An active unit registered in the directory, for a unit not in the loaded plan. */
    Optional<Unit> unit(String unitId);

    /**
     * A link was emailed to {@code to}: on record, by the coordinator who sent it ({@code requestedBy}) or else by its
     * holder; for a unit also on its profile.
     *
     * @param role     whose link it is: {@link Role#UNIT} (holder = unit id) or {@link Role#COORDINATOR} (account id)
     */
    void sent(String requestId, @Nullable String requestedBy, Role role, String holder, List<String> to, Instant at);

    /** No directory: units of the plan only, no coordinator links, nothing on record. */
    LinkDirectory NONE = new LinkDirectory() {
        @Override
        public Optional<Coordinator> coordinator(String entered) {
            return Optional.empty();
        }

        @Override
        public Optional<Unit> unit(String unitId) {
            return Optional.empty();
        }

        @Override
        public void sent(String requestId, @Nullable String requestedBy, Role role, String holder, List<String> to,
                         Instant at) {
        }
    };
}
