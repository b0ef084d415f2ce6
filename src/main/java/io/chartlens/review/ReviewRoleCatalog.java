package io.chartlens.review;

import com.nimbusds.oauth2.sdk.ParseException;
import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The review roles of {@code smart-config/roles.json}, loaded and checked at start: a malformed file or an unknown
 * role stops the deployment (the start-up observer forces the load) rather than failing on the first review page.
 */
@ApplicationScoped
public class ReviewRoleCatalog {

    @Inject
    ConfigFiles configFiles;

    private ReviewRoles roles;

    @PostConstruct
    void init() {
        try {
            roles = ReviewRoles.parse(configFiles.read(ReviewRoles.FILE));
        } catch (ParseException e) {
            throw new IllegalStateException("smart-config/" + ReviewRoles.FILE + " is not valid: " + e.getMessage(),
                    e);
        }
    }

    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        roles();
    }

    public ReviewRoles roles() {
        return roles;
    }
}
