package cn.mashang.admin;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Departments (承办单位) of the admin's region. Names are unique within a region. */
@Singleton
class DepartmentAdmin {
    private final DepartmentRepository departments;
    private final AdminLookups lookups;
    private final AdminGuard guard;

    DepartmentAdmin(DepartmentRepository departments, AdminLookups lookups, AdminGuard guard) {
        this.departments = departments;
        this.lookups = lookups;
        this.guard = guard;
    }

    @Transactional
    AdminDtos.DepartmentView create(Authentication auth, AdminDtos.DepartmentInput in) {
        guard.region(auth, in.regionId(), "地区");
        String name = uniqueName(in.regionId(), in.name(), -1L);
        var now = Times.now();
        return AdminDtos.DepartmentView.of(departments.save(new Department(null, in.regionId(), name,
                AdminGuard.trim(in.contactName()), AdminGuard.trim(in.contactPhone()), true, now, now)));
    }

    @Transactional
    AdminDtos.DepartmentView update(Authentication auth, long id, AdminDtos.DepartmentInput in) {
        Department d = find(auth, id);
        if (!in.regionId().equals(d.regionId())) {
            guard.region(auth, in.regionId(), "地区");
        }
        String name = uniqueName(in.regionId(), in.name(), id);
        return AdminDtos.DepartmentView.of(departments.update(new Department(d.id(), in.regionId(), name,
                AdminGuard.trim(in.contactName()), AdminGuard.trim(in.contactPhone()), d.active(), d.createdAt(),
                Times.now())));
    }

    @Transactional
    AdminDtos.DepartmentView deactivate(Authentication auth, long id) {
        Department d = find(auth, id);
        return AdminDtos.DepartmentView.of(departments.update(new Department(d.id(), d.regionId(), d.name(),
                d.contactName(), d.contactPhone(), false, d.createdAt(), Times.now())));
    }

    private Department find(Authentication auth, long id) {
        Department d = departments.findById(id).orElseThrow(() -> ApiException.notFound("承办单位"));
        guard.region(auth, d.regionId(), "承办单位");
        return d;
    }

    private String uniqueName(Long regionId, String raw, Long exceptId) {
        String name = raw.trim();
        if (lookups.departmentsNamed(regionId, name, exceptId) > 0) {
            throw ApiException.conflict("该地区已有名为“" + name + "”的承办单位");
        }
        return name;
    }
}
