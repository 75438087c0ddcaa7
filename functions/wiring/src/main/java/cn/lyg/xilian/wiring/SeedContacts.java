package cn.lyg.xilian.wiring;

import java.util.List;

/**
 * The unit contacts configured for a deployment (the jobs' {@code xilian.contacts.units} / {@code units-json}, the
 * local run's infra/local/contacts.yml): only the seed of a unit's first stored profile. Once stored, contacts are
 * edited in 单位与账号管理 and read from the table. A function without such configuration (the API) has no seed.
 */
public interface SeedContacts {

    /** The configured addresses of a unit, as configured (normalised by the caller). */
    List<String> of(String unitId);
}
