# Interface strings of the Bielefeld site (Turkish).
site-title = Entegrasyonu destekliyoruz!
