package org.gatewaypower.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Keeps the bytes of each API request body for the error handler: the parser refuses a number of more
 * than 1,000 digits before any field is bound, so the only way to name the field the client sent it in
 * is to find that number in the body again (see {@link #fieldOfOverlongNumber(byte[])}).
 */
@ControllerAdvice(basePackageClasses = BodyCapture.class)
class BodyCapture extends RequestBodyAdviceAdapter {

    static final String ATTRIBUTE = BodyCapture.class.getName() + ".body";
    /** Bodies larger than this are not kept (the archive import reads at most 20 MB itself). */
    private static final int MAX_KEPT = 1 << 20;

    private static final JsonFactory RELAXED = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build())
            .build();

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] bytes = input.getBody().readAllBytes();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && bytes.length <= MAX_KEPT) {
            request.setAttribute(ATTRIBUTE, bytes, RequestAttributes.SCOPE_REQUEST);
        }
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** The body of the current request as read, or null. */
    static byte[] currentBody() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (byte[]) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    /** The dotted path of the first number longer than 1,000 digits in a JSON body, or "" if none is found. */
    static String fieldOfOverlongNumber(byte[] body) {
        if (body == null) {
            return "";
        }
        try (JsonParser p = RELAXED.createParser(ObjectReadContext.empty(), body)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t.isNumeric() && p.getString().length() > StreamReadConstraints.DEFAULT_MAX_NUM_LEN) {
                    Deque<String> names = new ArrayDeque<>();
                    for (TokenStreamContext c = p.streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
                        names.addFirst(c.inArray() ? String.valueOf(Math.max(c.getCurrentIndex(), 0))
                                : String.valueOf(c.currentName()));
                    }
                    return String.join(".", names);
                }
            }
        } catch (RuntimeException notJson) {
            // Whatever else is wrong with the body, the number was not found before it.
        }
        return "";
    }
}
