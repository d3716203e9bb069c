package cn.mashang.cluster;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tells every replica at once (Redis pub/sub, only when {@code redis.uri} is set) that something cached changed:
 * a code revocation, a logout / password change / deactivation. A message published inside a transaction leaves
 * after the commit; each replica (the sender too is skipped: it already acted) turns it into a local
 * {@link ClusterMessage} event on one background thread. Best effort: the polling and cache expiry that bound
 * staleness without Redis stay as the fallback (a lost message costs at most those bounds).
 */
@Context
@Requires(property = "redis.uri")
public class Broadcast {
    private static final Logger LOG = LoggerFactory.getLogger(Broadcast.class);
    private final String channel;
    private final String self = UUID.randomUUID().toString();
    private final SharedBuckets redis;
    private final TransactionOperations<?> transactions;
    private final ExecutorService dispatch = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cluster-broadcast");
        t.setDaemon(true);
        return t;
    });
    private volatile StatefulRedisPubSubConnection<String, String> sub;
    private volatile StatefulRedisPubSubConnection<String, String> pub;

    Broadcast(SharedBuckets redis, TransactionOperations<?> transactions, ApplicationEventPublisher<ClusterMessage> events,
              @Value("${redis.key-prefix:mashang:}") String prefix) {
        this.redis = redis;
        this.transactions = transactions;
        this.channel = prefix + "events";
        try {
            RedisClient client = redis.client();
            sub = client.connectPubSub();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String message) {
                    String[] p = message.split("\\|", 3);
                    if (p.length == 3 && !p[0].equals(self)) {
                        dispatch.execute(() -> {
                            try {
                                events.publishEvent(new ClusterMessage(p[1], p[2]));
                            } catch (RuntimeException e) {
                                LOG.warn("broadcast {} not handled: {}", p[1], e.getClass().getSimpleName());
                            }
                        });
                    }
                }
            });
            sub.async().subscribe(channel);
            pub = client.connectPubSub();
        } catch (RuntimeException e) {
            LOG.warn("broadcast: Redis unavailable at start ({}); polling and cache expiry only", e.getClass().getSimpleName());
        }
    }

    /** Publishes {@code topic|payload} to every other replica, after the current transaction commits (if any). */
    public void publish(String topic, String payload) {
        var status = transactions.findTransactionStatus();
        if (status.isPresent()) {
            status.get().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(topic, payload);
                }
            });
        } else {
            send(topic, payload);
        }
    }

    private void send(String topic, String payload) {
        var p = pub;
        if (p == null || !p.isOpen()) {
            return;
        }
        p.async().publish(channel, self + "|" + topic + "|" + payload);
    }

    @PreDestroy
    void close() {
        dispatch.shutdownNow();
        if (sub != null) {
            sub.close();
        }
        if (pub != null) {
            pub.close();
        }
    }
}
