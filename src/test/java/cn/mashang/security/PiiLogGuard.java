package cn.mashang.security;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/** A logback appender (logback-test.xml) that records log lines carrying a full mobile number (see {@link PiiLedger}). */
public final class PiiLogGuard extends AppenderBase<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(String.valueOf(event.getFormattedMessage()));
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getMessage());
        }
        PiiLedger.record("log " + event.getLoggerName(), line.toString());
    }
}
