package org.gatewaypower.ui;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs a page's goodbye when its tab closes or navigates away. A closed tab's view is detached by Vaadin only
 * after missed heartbeats (minutes), and an event sent through the Vaadin client from the browser's
 * {@code pagehide} handler is dropped with the page; the browser's {@code navigator.sendBeacon}, by
 * contrast, is delivered after the page is gone. Each page registers a random, unguessable key; the beacon
 * posts it to {@code /page-closed/{key}}, and nothing else can be done with it.
 */
@RestController
public class PageCloseBeacons {

    /** The path the beacon posts to (CSRF-exempt: the key is the secret, and running it twice is harmless). */
    public static final String PATH = "/page-closed/";

    private final Map<String, Runnable> goodbyes = new ConcurrentHashMap<>();

    /** Registers what to do when the page closes; returns the key its beacon posts. */
    public String register(Runnable goodbye) {
        String key = UUID.randomUUID().toString();
        goodbyes.put(key, goodbye);
        return key;
    }

    /** Forgets a key (the page left the view by itself). */
    public void forget(String key) {
        if (key != null) {
            goodbyes.remove(key);
        }
    }

    @PostMapping(PATH + "{key}")
    ResponseEntity<Void> closed(@PathVariable String key) {
        Runnable goodbye = goodbyes.remove(key);
        if (goodbye != null) {
            goodbye.run();
        }
        return ResponseEntity.noContent().build();
    }
}
