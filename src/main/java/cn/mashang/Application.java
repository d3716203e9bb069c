package cn.mashang;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "mashang-lianluo", version = "v1",
        description = "码上联络 API — 人大代表联络站：扫码反映、代表办理、站长督办"))
public class Application {
    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
