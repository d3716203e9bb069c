package cn.mashang.notify;

import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.runtime.ApplicationConfiguration;
import jakarta.inject.Singleton;

/** HTTP client settings for the robots: short connect/read timeouts (notify.http.*), redirects not followed. */
@Singleton
class NotifyHttpClientConfiguration extends HttpClientConfiguration {
    private final ConnectionPoolConfiguration pool = new ConnectionPoolConfiguration();

    NotifyHttpClientConfiguration(ApplicationConfiguration application, NotifyConfig.Http http) {
        super(application);
        setConnectTimeout(http.connectTimeout());
        setReadTimeout(http.readTimeout());
        setRequestTimeout(http.readTimeout().plus(http.connectTimeout()));
        setFollowRedirects(false);
    }

    @Override
    public ConnectionPoolConfiguration getConnectionPoolConfiguration() {
        return pool;
    }
}
