package cn.mashang.common;

import java.util.List;

/** Builds a {@link ClientAddress} (package-private constructor) for tests of other packages. */
public final class ClientAddressAccess {
    private ClientAddressAccess() {
    }

    public static ClientAddress create(List<String> trustedProxies) {
        return new ClientAddress(trustedProxies);
    }
}
