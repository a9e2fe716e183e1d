package dev.cinderemulator.web;

import java.util.Map;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the servlet container would otherwise render as an HTML or Spring error page: anything
 * that escapes the controllers is answered as a Cinder fault with the status it carried.
 */
@RestController
class CinderErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return switch (status) {
            // webob's 404 for a method a route lacks, and oslo's sizelimit text.
            case METHOD_NOT_ALLOWED -> Fault.ofContainerStatus(404).toResponseEntity();
            case PAYLOAD_TOO_LARGE -> Fault.of(413, "Request is too large.", null).toResponseEntity();
            default -> Fault.ofContainerStatus(status.value()).toResponseEntity();
        };
    }
}
