package cn.mashang.referral;

import cn.mashang.openapi.StaffApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.concern.Concern;
import cn.mashang.concern.lifecycle.ConcernLifecycle;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.station.StationRepository;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.List;

/**
 * The referral letter (交办函) of a concern's latest referral: station staff who may see the concern, admins above
 * it, and the department it was referred to (its own latest referral). 404 before any referral.
 */
@Tag(name = "work")
@StaffApi
@Controller("/api/v1/concerns")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReferralLetterController {
    private final Scopes scopes;
    private final ConcernLifecycle lifecycle;
    private final DepartmentCases cases;
    private final Referrals referrals;
    private final StationRepository stations;
    private final DepartmentRepository departments;
    private final ReferralLetterPdf pdf;

    ReferralLetterController(Scopes scopes, ConcernLifecycle lifecycle, DepartmentCases cases, Referrals referrals,
                             StationRepository stations, DepartmentRepository departments, ReferralLetterPdf pdf) {
        this.scopes = scopes;
        this.lifecycle = lifecycle;
        this.cases = cases;
        this.referrals = referrals;
        this.stations = stations;
        this.departments = departments;
        this.pdf = pdf;
    }

    @Operation(operationId = "getReferralLetter", summary = "交办函 PDF / The referral letter as an A4 PDF")
    @Get("/{id}/referral-letter.pdf")
    @Secured({"DEPUTY", "LIAISON", "STATION_HEAD", "ADMIN", "DEPARTMENT"})
    HttpResponse<byte[]> letter(long id, Authentication auth) {
        Concern c;
        Referral r;
        if (scopes.of(auth).role() == Role.DEPARTMENT) {
            var h = cases.held(id, auth);
            c = h.concern();
            r = h.referral();
        } else {
            c = lifecycle.visible(id, auth);
            List<Referral> history = referrals.history(c.id());
            if (history.isEmpty()) {
                throw ApiException.notFound("交办函");
            }
            r = history.get(history.size() - 1);
        }
        byte[] body = pdf.render(c, r, stations.findById(c.stationId()).orElseThrow(),
                departments.findById(r.departmentId()).orElseThrow());
        return HttpResponse.ok(body).contentType(MediaType.of("application/pdf"))
                .header("Content-Disposition", "inline; filename=\"referral-" + c.trackingNo() + ".pdf\"")
                .header("Cache-Control", "no-store");
    }
}
