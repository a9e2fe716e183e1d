package dev.cinderemulator.api;

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
        String message = switch (status) {
            case NOT_FOUND, METHOD_NOT_ALLOWED -> "The resource could not be found.";
            case BAD_REQUEST -> "Malformed request url";
            case PAYLOAD_TOO_LARGE -> "Request is too large.";
            default -> status.is5xxServerError() ? CinderFaults.INTERNAL_ERROR : status.getReasonPhrase();
        };
        HttpStatus answered = status == HttpStatus.METHOD_NOT_ALLOWED ? HttpStatus.NOT_FOUND : status;
        return CinderFaults.respond(new CinderException(answered, message));
    }
}
