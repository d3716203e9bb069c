package cn.mashang.notify;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Development channel: writes the title and the body's length to the log (the body may name residents). */
@Singleton
class LogChannel implements NotificationChannel {
    private static final Logger LOG = LoggerFactory.getLogger(LogChannel.class);

    @Override
    public Channel channel() {
        return Channel.LOG;
    }

    @Override
    public void send(String target, NotificationMessage message) {
        LOG.info("notification to {}: {} ({} chars)", target, message.title(),
                message.markdown() == null ? 0 : message.markdown().length());
    }
}
