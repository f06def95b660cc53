package com.escalationrca;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring context shared by the commands that need the database, the index or the job. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EscalationRcaApplication {
}
