@Service(name = "receipts", version = "1.0.0", title = "Receipt Service")
package com.example.receipts;

import com.weegigs.events.annotations.Service;
