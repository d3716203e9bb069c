package cn.mashang.auth;

import cn.mashang.department.DepartmentRepository;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.region.Region;
import cn.mashang.region.RegionRepository;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import jakarta.inject.Singleton;

import java.util.stream.StreamSupport;

/** Ids of demo-city objects by name, for tests. */
@Singleton
public class DemoIds {
    public static final String QJNY = AuthDemoAccounts.STATION_QJNY;
    public static final String SHUITOU = AuthDemoAccounts.STATION_SHUITOU;
    public static final String HEPING = AuthDemoAccounts.STATION_HEPING;

    private final RegionRepository regions;
    private final StationRepository stations;
    private final DeputyRepository deputies;
    private final MembershipRepository memberships;
    private final StaffAccountRepository accounts;
    private final DepartmentRepository departments;

    DemoIds(RegionRepository regions, StationRepository stations, DeputyRepository deputies,
            MembershipRepository memberships, StaffAccountRepository accounts, DepartmentRepository departments) {
        this.departments = departments;
        this.regions = regions;
        this.stations = stations;
        this.deputies = deputies;
        this.memberships = memberships;
        this.accounts = accounts;
    }

    public long region(String name) {
        return StreamSupport.stream(regions.findAll().spliterator(), false).filter(r -> r.name().equals(name))
                .map(Region::id).findFirst().orElseThrow();
    }

    public long station(String name) {
        return StreamSupport.stream(stations.findAll().spliterator(), false).filter(s -> s.name().equals(name))
                .map(Station::id).findFirst().orElseThrow();
    }

    public long deputy(String name) {
        return StreamSupport.stream(deputies.findAll().spliterator(), false).filter(d -> d.name().equals(name))
                .map(Deputy::id).findFirst().orElseThrow();
    }

    public long membership(String station, String deputy) {
        return memberships.findByStationIdAndDeputyId(station(station), deputy(deputy)).orElseThrow().id();
    }

    public long account(String login) {
        return accounts.findByLoginName(login).or(() -> accounts.findByMobile(login)).orElseThrow().id();
    }

    public long department(String regionName, String name) {
        long regionId = region(regionName);
        return StreamSupport.stream(departments.findAll().spliterator(), false)
                .filter(d -> d.regionId() == regionId && d.name().equals(name)).findFirst().orElseThrow().id();
    }
}
