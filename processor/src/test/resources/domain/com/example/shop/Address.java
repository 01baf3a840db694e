package com.example.shop;

public record Address(String street, String postcode) {}
