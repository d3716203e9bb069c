package cn.mashang.security;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * Registered for every test (junit-platform.properties, autodetection): a test fails when a full mobile number
 * appeared in a response or a log line while it ran (outside {@link PiiLedger}'s allow-list).
 */
public final class PiiGuardExtension implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        PiiLedger.drain();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> findings = PiiLedger.drain();
        if (!findings.isEmpty()) {
            throw new AssertionError("full mobile number outside the allow-list (" + findings.size() + "): " + findings);
        }
    }
}
