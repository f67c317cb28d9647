package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * One ASP.NET URL authorization rule that turns callers away ({@code <system.web><authorization><deny>}, also inside a
 * {@code <location path>}). It lies outside {@code <system.serviceModel>} and applies to WCF services only under ASP.NET
 * compatibility ({@link ServiceHostingEnvironment#aspNetCompatibilityEnabled()}), whose requests go on through ASP.NET's
 * pipeline; without it WCF takes the request over before ASP.NET's modules run.
 *
 * @param path  the {@code <location path>} it is inside, {@code ""} for the whole application
 * @param users {@code users} as written ({@code ?}: anonymous callers, {@code *}: everyone), may be empty
 * @param roles {@code roles} as written, may be empty
 */
public record AspNetDenyRule(String path, String users, String roles) {
    public AspNetDenyRule {
        ArgumentChecks.notNull(path, "path");
        ArgumentChecks.notNull(users, "users");
        ArgumentChecks.notNull(roles, "roles");
    }

    /** The rule as written, e.g. {@code <deny users="?"/>} (with its location's path, if any). */
    @Override
    public String toString() {
        return (path.isEmpty() ? "" : "<location path=\"" + path + "\"> ") + "<deny"
                + (users.isEmpty() ? "" : " users=\"" + users + "\"") + (roles.isEmpty() ? "" : " roles=\"" + roles
                + "\"") + "/>";
    }
}
