package cn.mashang.qr;

import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.Membership;
import cn.mashang.reception.ReceptionRule;
import cn.mashang.station.Station;
import io.micronaut.context.annotation.Factory;
import io.micronaut.data.event.listeners.PostPersistEventListener;
import io.micronaut.data.event.listeners.PostUpdateEventListener;
import jakarta.inject.Singleton;

/**
 * Drops a station's cached landing data on this replica as soon as the station, one of its memberships, one of its
 * reception rules or a deputy is saved (Micronaut Data entity events), so the long {@code qr.station-view-ttl} only bounds what
 * <em>other</em> replicas show after an edit.
 */
@Factory
class StationViewInvalidation {
    @Singleton
    PostUpdateEventListener<Station> stationUpdated(CodeViews views) {
        return s -> views.forgetStation(s.id());
    }

    @Singleton
    PostUpdateEventListener<Membership> membershipUpdated(CodeViews views) {
        return m -> views.forgetStation(m.stationId());
    }

    @Singleton
    PostPersistEventListener<Membership> membershipAdded(CodeViews views) {
        return m -> views.forgetStation(m.stationId());
    }

    @Singleton
    PostPersistEventListener<ReceptionRule> receptionRuleAdded(CodeViews views) {
        return r -> views.forgetStation(r.stationId()); // the page prints the station's rules (receptionDays)
    }

    @Singleton
    PostUpdateEventListener<ReceptionRule> receptionRuleUpdated(CodeViews views) {
        return r -> views.forgetStation(r.stationId());
    }

    @Singleton
    PostUpdateEventListener<Deputy> deputyUpdated(CodeViews views) {
        return d -> views.forgetAll(); // a deputy's card is in each of their stations
    }
}
