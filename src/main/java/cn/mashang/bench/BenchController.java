package cn.mashang.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Baseline ceilings for the benchmark harness (src/bench/run.sh): trivial endpoints that do no work, served by
 * the same app with the same filters (security, headers, metrics). Present only in the {@code bench} environment
 * ({@code MICRONAUT_ENVIRONMENTS=prod,bench}), never in a normal deployment.
 * {@code /bench/hello} runs on the blocking executor like every JDBC controller (the fair baseline for the scan
 * landing); {@code /bench/hello-loop} answers on the event loop (the framework's own ceiling).
 */
@Hidden
@Controller("/bench")
@Requires(env = "bench")
@Secured(SecurityRule.IS_ANONYMOUS)
class BenchController {
    @Get(value = "/hello", produces = MediaType.TEXT_PLAIN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    String hello() {
        return "ok";
    }

    @Get(value = "/hello-loop", produces = MediaType.TEXT_PLAIN)
    @NonBlocking
    String helloLoop() {
        return "ok";
    }
}
