package com.example.shop;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

public record PlaceOrder(
    UUID customer,
    String email,
    List<Line> lines,
    Set<String> tags,
    Map<String, Integer> counts,
    Optional<String> note,
    Optional<Address> deliverTo,
    LocalDate due,
    Priority priority,
    double weight,
    long sequence,
    BigInteger reference,
    Integer discount) {}
